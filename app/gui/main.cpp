// qwendesk: the desktop application.
//   qwendesk [--data-dir DIR] [--model PATH] [--language CODE] [--automation FILE]
#include "automation.h"
#include "language.h"
#include "session.h"

#include "data_directory.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(QwenDesk_UiPlugin)

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("QwenDesk"));
    QGuiApplication::setOrganizationName(QStringLiteral("QwenDesk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chat with Qwen2.5 on your own computer."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("data-dir"), QStringLiteral("Keep the history and settings in DIR."), QStringLiteral("DIR")},
        {QStringLiteral("model"), QStringLiteral("Load this .gguf file or Hugging Face folder at once."),
         QStringLiteral("PATH")},
        {QStringLiteral("language"), QStringLiteral("Use this interface language for this run (e.g. zh_CN, ar)."),
         QStringLiteral("CODE")},
        {QStringLiteral("automation"), QStringLiteral("Run the steps of this JSON script (tests, screenshots)."),
         QStringLiteral("FILE")},
    });
    parser.process(app);

    std::unique_ptr<qd::ui::Session> session;
    try {
        const QString dataDirOption = parser.value(QStringLiteral("data-dir"));
        session = std::make_unique<qd::ui::Session>(qd::app::dataDirectory(dataDirOption),
                                                    qd::app::weightCacheDirectory(dataDirOption));
    } catch (const std::exception &e) {
        std::fprintf(stderr, "qwendesk: %s\n", e.what());
        return 1;
    }

    QTranslator translator;
    const QString language = parser.isSet(QStringLiteral("language")) ? parser.value(QStringLiteral("language"))
                                                                      : session->storedSettings().language();
    qd::gui::applyLanguage(app, translator, language);

    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(session.get())}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/QwenDesk/Ui/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 1;

    if (parser.isSet(QStringLiteral("model"))) session->models()->load(parser.value(QStringLiteral("model")));

    std::unique_ptr<qd::gui::Automation> automation;
    if (parser.isSet(QStringLiteral("automation"))) {
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        try {
            automation = std::make_unique<qd::gui::Automation>(
                window, qd::gui::Automation::readScript(parser.value(QStringLiteral("automation"))));
        } catch (const std::exception &e) {
            std::fprintf(stderr, "qwendesk: %s\n", e.what());
            return 1;
        }
        automation->start();
    }

    const int code = app.exec();
    // The window goes before the session its bindings read.
    automation.reset();
    qDeleteAll(engine.rootObjects());
    return code;
}
