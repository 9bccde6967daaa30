#pragma once
// The interface language: the translation to install and the layout direction that goes with it.
#include <QString>

class QGuiApplication;
class QTranslator;

namespace qd::gui {

// `code` is a language setting ("system", "en", "zh_CN", "ar", ...). Installs the matching
// translation when there is one, makes its locale the default for numbers and dates, and lays
// the interface out right to left for right-to-left languages.
void applyLanguage(QGuiApplication &app, QTranslator &translator, const QString &code);

}  // namespace qd::gui
