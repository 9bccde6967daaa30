#pragma once
// JSON text exactly as Python's json.dumps(value, ensure_ascii=False) writes it, which is what the
// chat template's `tojson` filter produces in transformers: ", " and ": " separators, object keys
// in their stored order, non-ASCII as raw UTF-8, '<' '>' '&' unescaped, floats as Python's repr.
#include <nlohmann/json.hpp>

#include <string>

namespace qd {

// Throws qd::Error for values Python's json.dumps cannot produce from parsed JSON (binary values,
// strings that are not valid UTF-8).
std::string toPythonJson(const nlohmann::ordered_json &value);

}  // namespace qd
