#pragma once
// The message of the qd::Error a call throws, or "" when it throws nothing, so tests can assert
// that bad input is rejected with a specific message.
#include "util/error.h"

#include <functional>
#include <string>

namespace qd::test {

inline std::string errorOf(const std::function<void()> &call) {
    try {
        call();
    } catch (const qd::Error &e) {
        return e.what();
    }
    return {};
}

}  // namespace qd::test
