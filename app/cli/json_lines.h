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
// The same, keeping each request's object keys in the order they were written (for input that is
// echoed back into a prompt, such as tool definitions).
int processOrderedJsonLines(std::istream &in, std::ostream &out,
                            const std::function<nlohmann::json(const nlohmann::ordered_json &)> &handle);

// JSON text for output; invalid UTF-8 is replaced by U+FFFD rather than failing.
std::string dumpJson(const nlohmann::json &value);

}  // namespace qd::cli
