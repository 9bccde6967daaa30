#include "language.h"

#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

namespace qd::gui {

void applyLanguage(QGuiApplication &app, QTranslator &translator, const QString &code) {
    const QLocale locale = code.isEmpty() || code == QStringLiteral("system") ? QLocale::system() : QLocale(code);
    QLocale::setDefault(locale);
    // qt_add_translations embeds the compiled translations under :/i18n.
    if (translator.load(locale, QStringLiteral("qwendesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(&translator);
    QGuiApplication::setLayoutDirection(locale.textDirection());
}

}  // namespace qd::gui
