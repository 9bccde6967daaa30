#pragma once
// The one exception type the storage layer throws. The message is meant for a person; kind()
// lets the caller react to a full disk or a database it cannot use.
#include <stdexcept>
#include <string>

namespace qd::app {

class StorageError : public std::runtime_error {
public:
    // Unreadable: the file exists but cannot be opened or read (permissions, I/O error).
    enum class Kind { Failed, DiskFull, Corrupt, Unreadable, NotFound, Invalid, TooNew };

    StorageError(Kind kind, const std::string &message) : std::runtime_error(message), kind_(kind) {}
    Kind kind() const { return kind_; }

private:
    Kind kind_;
};

}  // namespace qd::app
