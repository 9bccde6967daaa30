// Settings: for every key the default, a valid value that persists across reopening, and an
// invalid value rejected with a message naming the key and its range and never stored.
#include "storage_test_support.h"

#include "settings.h"

#include <QtTest>

using namespace qd::app;
using qd::test::TempProfile;

namespace {

QVariant validValue(const SettingDefinition &d) {
    switch (d.type) {
    case QMetaType::Double:
        return d.minimum.toDouble() + (d.maximum.toDouble() - d.minimum.toDouble()) / 4;
    case QMetaType::Int:
    case QMetaType::LongLong:
        return d.maximum;
    case QMetaType::QStringList:
        return QStringList{QStringLiteral("/models/a.gguf"), QStringLiteral("/models/b")};
    default:
        return d.allowed.isEmpty() ? QVariant(QStringLiteral("Réponds en français 🙂")) : QVariant(d.allowed.first());
    }
}

// A value out of range (or not allowed), and a text the message must contain.
QPair<QVariant, QString> invalidValue(const SettingDefinition &d) {
    switch (d.type) {
    case QMetaType::Double:
        return {d.maximum.toDouble() + 0.5,
                QStringLiteral("from %1 to %2").arg(d.minimum.toDouble()).arg(d.maximum.toDouble())};
    case QMetaType::Int:
    case QMetaType::LongLong:
        return {d.minimum.toLongLong() - 1,
                QStringLiteral("from %1 to %2").arg(d.minimum.toLongLong()).arg(d.maximum.toLongLong())};
    case QMetaType::QStringList:
        return {QStringList(d.maxLength + 1, QStringLiteral("m")), QStringLiteral("at most %1 entries").arg(d.maxLength)};
    default:
        if (!d.allowed.isEmpty()) return {QStringLiteral("bogus"), d.allowed.join(QStringLiteral(", "))};
        return {QString(d.maxLength + 1, QLatin1Char('x')), QStringLiteral("at most %1 characters").arg(d.maxLength)};
    }
}

}  // namespace

class TestStorageSettings : public QObject {
    Q_OBJECT
private slots:
    void everyKey_data();
    void everyKey();
    void typedAccessors();
    void rejectsWrongTypes();
    void recentModels();
    void unknownKey();
};

void TestStorageSettings::everyKey_data() {
    QTest::addColumn<QString>("key");
    for (const SettingDefinition &d : settingDefinitions()) QTest::newRow(qPrintable(d.key)) << d.key;
    QCOMPARE(settingDefinitions().size(), 17);
}

void TestStorageSettings::everyKey() {
    QFETCH(QString, key);
    const SettingDefinition &d = *findSetting(key);
    TempProfile profile;
    {
        auto db = profile.open();
        Settings settings(*db);
        QCOMPARE(settings.value(key), d.defaultValue);
        settings.set(key, validValue(d));
        const auto [bad, range] = invalidValue(d);
        try {
            settings.set(key, bad);
            QFAIL("an invalid value was accepted");
        } catch (const StorageError &e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(key + QLatin1Char(' ')), e.what());
            QVERIFY2(message.contains(range), e.what());
        }
        QCOMPARE(settings.value(key), validValue(d));
    }
    auto db = profile.open();
    Settings reopened(*db);
    QCOMPARE(reopened.value(key), validValue(d));
    reopened.reset(key);
    QCOMPARE(Settings(*db).value(key), d.defaultValue);
}

void TestStorageSettings::typedAccessors() {
    TempProfile profile;
    auto db = profile.open();
    Settings settings(*db);
    QCOMPARE(settings.temperature(), 0.7);
    QCOMPARE(settings.topK(), 20);
    QCOMPARE(settings.quantization(), QStringLiteral("auto"));
    QCOMPARE(settings.seed(), qint64(-1));
    settings.setTemperature(0);
    settings.setSeed(4294967295LL);
    settings.setTheme(QStringLiteral("dark"));
    settings.setQuantization(QStringLiteral("q4_0"));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.setTopP(1.01));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.setFontSize(7));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.setKvCacheType(QStringLiteral("q8_0")));
    Settings reopened(*db);
    QCOMPARE(reopened.temperature(), 0.0);
    QCOMPARE(reopened.seed(), qint64(4294967295LL));
    QCOMPARE(reopened.theme(), QStringLiteral("dark"));
    QCOMPARE(reopened.quantization(), QStringLiteral("q4_0"));
    QCOMPARE(reopened.topP(), 0.8);
    QCOMPARE(reopened.fontSize(), 11);
}

void TestStorageSettings::rejectsWrongTypes() {
    TempProfile profile;
    auto db = profile.open();
    Settings settings(*db);
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.set(SettingKeys::kTopK, 2.5));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.set(SettingKeys::kTopK, QStringLiteral("many")));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.set(SettingKeys::kTemperature, qQNaN()));
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.set(SettingKeys::kTheme, 3));
    settings.set(SettingKeys::kTopK, QStringLiteral("40"));  // text from a form field is converted
    QCOMPARE(settings.topK(), 40);
    QCOMPARE(settings.value(SettingKeys::kTopK).typeId(), int(QMetaType::Int));
}

void TestStorageSettings::recentModels() {
    TempProfile profile;
    auto db = profile.open();
    Settings settings(*db);
    for (int i = 0; i < 12; ++i) settings.setLastModel(QStringLiteral("/m/%1.gguf").arg(i));
    settings.setLastModel(QStringLiteral("/m/5.gguf"));
    Settings reopened(*db);
    QCOMPARE(reopened.lastModel(), QStringLiteral("/m/5.gguf"));
    const QStringList recent = reopened.recentModels();
    QCOMPARE(recent.size(), 10);
    QCOMPARE(recent.first(), QStringLiteral("/m/5.gguf"));
    QCOMPARE(recent.count(QStringLiteral("/m/5.gguf")), 1);
    QCOMPARE(recent[1], QStringLiteral("/m/11.gguf"));
}

void TestStorageSettings::unknownKey() {
    TempProfile profile;
    auto db = profile.open();
    Settings settings(*db);
    try {
        settings.set(QStringLiteral("colour"), 1);
        QFAIL("an unknown key was accepted");
    } catch (const StorageError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QLatin1String("colour is not a setting")), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(StorageError, settings.value(QStringLiteral("colour")));
}

QTEST_GUILESS_MAIN(TestStorageSettings)
#include "test_storage_settings.moc"
