#include "titles.h"

#include <QStringList>

namespace qd::app {

QString titleFromMessage(const QString &text, int maxLength) {
    QString line;
    for (const QString &candidate : text.split(QLatin1Char('\n'))) {
        line = candidate.simplified();
        if (!line.isEmpty()) break;
    }
    if (line.isEmpty()) return QStringLiteral("New chat");
    if (line.size() <= maxLength) return line;

    // Leave room for the ellipsis; never split a surrogate pair (emoji).
    int cut = maxLength - 1;
    if (line.at(cut - 1).isHighSurrogate()) --cut;
    const int space = line.lastIndexOf(QLatin1Char(' '), cut);
    // Cut at the last space unless that would throw away most of the line (one long word).
    if (space > maxLength / 2) cut = space;
    return line.left(cut).trimmed() + QChar(0x2026);
}

}  // namespace qd::app
