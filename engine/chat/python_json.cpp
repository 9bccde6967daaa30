#include "chat/python_json.h"

#include "util/error.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace qd {

// Python's float repr: the shortest digits that round-trip, in positional notation when the
// decimal exponent is in [-4, 16), else as d.ddde+XX; integral values keep a trailing ".0".
static void appendPythonFloat(std::string &out, double value) {
    if (std::isnan(value)) {
        out += "NaN";
        return;
    }
    if (std::isinf(value)) {
        out += value < 0 ? "-Infinity" : "Infinity";
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
    if (sci.front() == '-') {
        out.push_back('-');
        sci.remove_prefix(1);
    }
    const size_t ePos = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, ePos))
        if (c != '.') digits.push_back(c);
    const int exponent = std::atoi(std::string(sci.substr(ePos + 1)).c_str());
    const int ndigits = static_cast<int>(digits.size());

    if (exponent < -4 || exponent >= 16) {
        out.push_back(digits[0]);
        if (ndigits > 1) {
            out.push_back('.');
            out.append(digits, 1);
        }
        out.push_back('e');
        out.push_back(exponent < 0 ? '-' : '+');
        const int absExp = std::abs(exponent);
        if (absExp < 10) out.push_back('0');
        out += std::to_string(absExp);
        return;
    }
    const int pointPos = exponent + 1;  // digits before the decimal point
    if (pointPos <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-pointPos), '0');
        out += digits;
    } else if (pointPos >= ndigits) {
        out += digits;
        out.append(static_cast<size_t>(pointPos - ndigits), '0');
        out += ".0";
    } else {
        out.append(digits, 0, static_cast<size_t>(pointPos));
        out.push_back('.');
        out.append(digits, static_cast<size_t>(pointPos));
    }
}

static void appendPythonJson(std::string &out, const nlohmann::ordered_json &value) {
    using Type = nlohmann::ordered_json::value_t;
    switch (value.type()) {
    case Type::object: {
        out.push_back('{');
        bool first = true;
        for (const auto &[key, item] : value.items()) {
            if (!first) out += ", ";
            first = false;
            appendPythonJson(out, nlohmann::ordered_json(key));
            out += ": ";
            appendPythonJson(out, item);
        }
        out.push_back('}');
        return;
    }
    case Type::array: {
        out.push_back('[');
        for (size_t i = 0; i < value.size(); ++i) {
            if (i > 0) out += ", ";
            appendPythonJson(out, value[i]);
        }
        out.push_back(']');
        return;
    }
    case Type::number_float:
        appendPythonFloat(out, value.get<double>());
        return;
    case Type::string:
        // nlohmann escapes exactly what Python does with ensure_ascii=False: '"', '\\' and the
        // control characters below U+0020 (\b \f \n \r \t by name, the rest as lowercase \u00xx).
        try {
            out += value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
        } catch (const nlohmann::ordered_json::type_error &) {
            throw Error("tojson: a string is not valid UTF-8");
        }
        return;
    case Type::binary:
    case Type::discarded:
        throw Error("tojson: binary and discarded JSON values cannot be written");
    default:  // null, booleans, integers: the same text in both
        out += value.dump();
        return;
    }
}

std::string toPythonJson(const nlohmann::ordered_json &value) {
    std::string out;
    appendPythonJson(out, value);
    return out;
}

}  // namespace qd
