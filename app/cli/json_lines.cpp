#include "json_lines.h"

#include <iostream>

namespace qd::cli {

template <typename Request>
static int processLines(std::istream &in, std::ostream &out,
                        const std::function<nlohmann::json(const Request &)> &handle) {
    int exitCode = 0;
    std::string line;
    for (size_t lineNumber = 1; std::getline(in, line); ++lineNumber) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        try {
            const auto request = Request::parse(line);
            out << dumpJson(handle(request)) << '\n' << std::flush;
        } catch (const std::exception &e) {
            std::cerr << "qwendesk-cli: input line " << lineNumber << ": " << e.what() << std::endl;
            exitCode = 1;
        }
    }
    return exitCode;
}

int processJsonLines(std::istream &in, std::ostream &out,
                     const std::function<nlohmann::json(const nlohmann::json &)> &handle) {
    return processLines(in, out, handle);
}

int processOrderedJsonLines(std::istream &in, std::ostream &out,
                            const std::function<nlohmann::json(const nlohmann::ordered_json &)> &handle) {
    return processLines(in, out, handle);
}

std::string dumpJson(const nlohmann::json &value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace qd::cli
