#pragma once
// What every qwendesk-cli command does with its command line: parse it, answer --help, and report
// an error as one line on stderr.
#include <QCommandLineParser>

#include <optional>
#include <string>

namespace qd::cli {

// Parses `arguments` (the command's own). Returns the exit code when the command should stop
// here (0 after --help, 2 after printing a usage error), nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments, const char *command);

// Reports an error as one line on stderr and returns the exit code to use (1).
int fail(const std::string &message);
// The same for a command line that is missing something or malformed (exit code 2).
int usageError(const std::string &message);

}  // namespace qd::cli
