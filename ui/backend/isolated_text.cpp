#include "isolated_text.h"

#include <QGuiApplication>

namespace qd::ui {

QString isolatedForLayout(const QString &text) {
    if (QGuiApplication::layoutDirection() != Qt::RightToLeft || text.isEmpty()) return text;
    constexpr char16_t kFirstStrongIsolate = 0x2068;
    constexpr char16_t kPopDirectionalIsolate = 0x2069;
    return QChar(kFirstStrongIsolate) + text + QChar(kPopDirectionalIsolate);
}

}  // namespace qd::ui
