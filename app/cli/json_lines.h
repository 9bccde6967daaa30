#pragma once
// JSON Lines plumbing shared by the commands that read requests from stdin.
#include <nlohmann/json.hpp>

#include <functional>
#include <iosfwd>
#include <string>

namespace qd::cli {

// Reads stdin line by line; for each non-empty line calls handle(parsed) and writes the returned
// object as one line to stdout, flushed. A line that fails (bad JSON or handle throws) prints a
// one-line error naming the line number to stderr and makes the final exit code 1; later lines
// are still processed.
int processJsonLines(std::istream &in, std::ostream &out,
                     const std::function<nlohmann::json(const nlohmann::json &)> &handle);

// JSON text for output; invalid UTF-8 is replaced by U+FFFD rather than failing.
std::string dumpJson(const nlohmann::json &value);

}  // namespace qd::cli
