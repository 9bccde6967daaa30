// Qt Quick Test suites of the interface's components (tests/ui/qml/tst_*.qml). Each gets a real
// session on a fresh data directory as `testSession`, so the components bind to the real models.
#include "session.h"

#include "data_directory.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(QwenDesk_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }
    void qmlEngineAvailable(QQmlEngine *engine) {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        // One session per test file: each file gets its own engine.
        const QString dir = dir_.path() + QStringLiteral("/") + QString::number(sessions_.size());
        sessions_.push_back(std::make_unique<qd::ui::Session>(qd::app::dataDirectory(dir)));
        engine->rootContext()->setContextProperty(QStringLiteral("testSession"), sessions_.back().get());
    }
    void cleanupTestCase() { sessions_.clear(); }

private:
    QTemporaryDir dir_;
    std::vector<std::unique_ptr<qd::ui::Session>> sessions_;
};

QUICK_TEST_MAIN_WITH_SETUP(qml_components, Setup)

#include "test_qml_components.moc"
