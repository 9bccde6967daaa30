#pragma once
// The one exception type the engine throws. Messages are meant for a person: they name the file,
// the item (tensor, key, line) and what is wrong with it.
#include <stdexcept>
#include <string>

namespace qd {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace qd
