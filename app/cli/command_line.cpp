#include "command_line.h"

#include <cstdio>

namespace qd::cli {

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const char *command) {
    parser.addHelpOption();
    QStringList withProgram = arguments;
    withProgram.prepend(QStringLiteral("qwendesk-cli ") + QLatin1String(command));
    if (!parser.parse(withProgram)) {
        std::fprintf(stderr, "qwendesk-cli %s: %s\n", command, qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    return std::nullopt;
}

int fail(const std::string &message) {
    std::fprintf(stderr, "qwendesk-cli: %s\n", message.c_str());
    return 1;
}

int usageError(const std::string &message) {
    fail(message);
    return 2;
}

}  // namespace qd::cli
