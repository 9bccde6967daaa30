#pragma once
// Text written by the user or the model, shown inside a right-to-left interface: without help
// an English title's trailing "?" lands on its left, because the surrounding paragraph's
// direction decides where neutral characters go. A Unicode first-strong isolate lets the text
// take its own direction.
#include <QString>

namespace qd::ui {

// `text` in a first-strong isolate when the application lays out right to left; unchanged
// otherwise.
QString isolatedForLayout(const QString &text);

}  // namespace qd::ui
