// Every shipped language is complete: each .ts file has every message of the English one, each
// with a finished, non-empty translation (every plural form) that keeps the placeholders.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context;
    QString source;
    QStringList translations;  // one, or one per plural form
    QString type;              // "unfinished", "vanished", "obsolete" or empty when finished
};

// A <translation> holds its text, or one <numerusform> per plural form.
QStringList readTranslation(QXmlStreamReader &xml) {
    QStringList forms;
    QString text;
    while (!xml.atEnd() && !(xml.isEndElement() && xml.name() == u"translation")) {
        xml.readNext();
        if (xml.isCharacters()) text += xml.text();
        else if (xml.isStartElement() && xml.name() == u"numerusform") forms.append(xml.readElementText());
    }
    return forms.isEmpty() ? QStringList{text} : forms;
}

Entry readMessage(QXmlStreamReader &xml, const QString &context) {
    Entry entry{context, {}, {}, {}};
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source") {
            entry.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            entry.type = xml.attributes().value(QLatin1StringView("type")).toString();
            entry.translations = readTranslation(xml);
        } else {
            xml.skipCurrentElement();
        }
    }
    return entry;
}

QList<Entry> readTs(const QString &path, QString *error) {
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString();
        return entries;
    }
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != u"TS") {
        *error = path + QStringLiteral(": not a Qt Linguist file");
        return entries;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() != u"context") {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == u"name") context = xml.readElementText();
            else if (xml.name() == u"message") entries.append(readMessage(xml, context));
            else xml.skipCurrentElement();
        }
    }
    if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
    return entries;
}

QSet<QString> placeholders(const QString &text) {
    static const QRegularExpression kPlaceholder(QStringLiteral("%(\\d|n)"));
    QSet<QString> found;
    for (auto it = kPlaceholder.globalMatch(text); it.hasNext();) found.insert(it.next().captured());
    return found;
}

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void everyLanguageIsComplete_data() {
        QTest::addColumn<QString>("language");
        for (const char *code : {"en", "zh_CN", "ja", "ko", "de", "fr", "es", "ru", "ar"}) QTest::newRow(code) << code;
    }

    void everyLanguageIsComplete() {
        QFETCH(QString, language);
        const QDir dir(QStringLiteral(QD_TRANSLATIONS_DIR));
        QString error;
        const QList<Entry> english = readTs(dir.filePath(QStringLiteral("qwendesk_en.ts")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Entry> entries = readTs(dir.filePath(QStringLiteral("qwendesk_%1.ts").arg(language)), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!english.isEmpty());

        QSet<QString> present;
        for (const Entry &e : entries) {
            const QString where = QStringLiteral("%1: %2 \"%3\"").arg(language, e.context, e.source);
            present.insert(e.context + QLatin1Char('\n') + e.source);
            QVERIFY2(e.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + e.type));
            QVERIFY2(!e.translations.isEmpty(), qPrintable(where + QStringLiteral(" has no translation")));
            QSet<QString> expected = placeholders(e.source);
            // A plural form may say its number in words ("no tokens", "two tokens").
            const bool plural = expected.remove(QStringLiteral("%n"));
            for (const QString &t : e.translations) {
                QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where + QStringLiteral(" has an empty form")));
                QSet<QString> found = placeholders(t);
                if (plural) found.remove(QStringLiteral("%n"));
                QVERIFY2(found == expected, qPrintable(where + QStringLiteral(" changes the placeholders: ") + t));
            }
        }
        for (const Entry &e : english)
            QVERIFY2(present.contains(e.context + QLatin1Char('\n') + e.source),
                     qPrintable(QStringLiteral("%1 lacks %2 \"%3\"").arg(language, e.context, e.source)));
    }
};

QTEST_APPLESS_MAIN(TranslationsTest)
#include "test_translations.moc"
