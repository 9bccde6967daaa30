#include "chat_types.h"

namespace qd::app {

namespace {

const char *const kRoleNames[] = {"system", "user", "assistant", "tool"};
const char *const kStatusNames[] = {"complete", "streaming", "cancelled", "interrupted", "error"};

}  // namespace

QString roleName(Role role) { return QLatin1String(kRoleNames[int(role)]); }

std::optional<Role> roleFromName(const QString &name) {
    for (int i = 0; i < int(std::size(kRoleNames)); ++i)
        if (name == QLatin1String(kRoleNames[i])) return Role(i);
    return std::nullopt;
}

QString statusName(MessageStatus status) { return QLatin1String(kStatusNames[int(status)]); }

std::optional<MessageStatus> statusFromName(const QString &name) {
    for (int i = 0; i < int(std::size(kStatusNames)); ++i)
        if (name == QLatin1String(kStatusNames[i])) return MessageStatus(i);
    return std::nullopt;
}

}  // namespace qd::app
