// qwendesk: the desktop application.
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(QwenDesk_UiPlugin)

int main(int argc, char **argv) {
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("QwenDesk"));
    QGuiApplication::setOrganizationName(QStringLiteral("QwenDesk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(QD_VERSION));

    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/QwenDesk/Ui/Main.qml")));
    return app.exec();
}
