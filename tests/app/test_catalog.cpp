// The built-in download catalog, its parser, download plans and the download address.
#include "catalog.h"
#include "catalog_list_model.h"
#include "download_endpoint.h"
#include "download_plan.h"

#include "util/error.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestCatalog : public QObject {
    Q_OBJECT

private slots:
    void builtInCatalogListsTheInstructFiles() {
        const qd::Catalog &catalog = qd::Catalog::builtIn();
        QCOMPARE(catalog.entries().size(), 5);
        QVERIFY(!catalog.note().isEmpty());
        for (const char *quant : {"q4_0", "q4_k_m", "q8_0", "fp16"}) {
            const auto entry = catalog.find(QStringLiteral("qwen2.5-1.5b-instruct-") + QLatin1String(quant));
            QVERIFY2(entry, quant);
            QCOMPARE(entry->repo, QStringLiteral("Qwen/Qwen2.5-1.5B-Instruct-GGUF"));
            QVERIFY(!entry->isFolder);
            QCOMPARE(entry->files.first().name,
                     QStringLiteral("qwen2.5-1.5b-instruct-") + QLatin1String(quant) + QStringLiteral(".gguf"));
            QVERIFY(entry->ramBytes > entry->totalBytes());
        }
        const auto folder = catalog.find(QStringLiteral("qwen2.5-1.5b-instruct-safetensors"));
        QVERIFY(folder);
        QVERIFY(folder->isFolder);
        QCOMPARE(folder->repo, QStringLiteral("Qwen/Qwen2.5-1.5B-Instruct"));
        QStringList names;
        for (const qd::CatalogFile &file : folder->files) names.append(file.name);
        for (const char *name : {"model.safetensors", "config.json", "generation_config.json", "tokenizer.json",
                                 "tokenizer_config.json", "vocab.json", "merges.txt"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        QCOMPARE(names.last(), QStringLiteral("model.safetensors"));  // the folder is a model only at the end
        QVERIFY(!catalog.find(QStringLiteral("nope")));
    }

    void rejectsMalformedCatalogs() {
        QVERIFY_THROWS_EXCEPTION(qd::Error, qd::Catalog::fromJson("[]"));
        QVERIFY_THROWS_EXCEPTION(qd::Error, qd::Catalog::fromJson(R"({"entries":[{"id":"a"}]})"));
        const QByteArray escaping = R"({"entries":[{"id":"a","title":"A","repo":"r","format":"gguf","ramBytes":1,
            "files":[{"name":"../../etc/passwd","bytes":1}]}]})";
        QVERIFY_THROWS_EXCEPTION(qd::Error, qd::Catalog::fromJson(escaping));
        const QByteArray twice = R"({"entries":[
            {"id":"a","title":"A","repo":"r","format":"gguf","ramBytes":1,"files":[{"name":"a.gguf","bytes":1}]},
            {"id":"a","title":"A","repo":"r","format":"gguf","ramBytes":1,"files":[{"name":"b.gguf","bytes":1}]}]})";
        try {
            qd::Catalog::fromJson(twice);
            QFAIL("a duplicate id was accepted");
        } catch (const qd::Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("twice")), e.what());
        }
    }

    void plansFileAndFolderDownloads() {
        const QUrl base(QStringLiteral("http://127.0.0.1:8080/mirror/"));
        const auto gguf = qd::Catalog::builtIn().find(QStringLiteral("qwen2.5-1.5b-instruct-q4_0"));
        const qd::DownloadPlan file = qd::planDownload(*gguf, base, QStringLiteral("/data/models"));
        QCOMPARE(file.items.size(), 1);
        QCOMPARE(file.items.first().url.toString(),
                 QStringLiteral("http://127.0.0.1:8080/mirror/Qwen/Qwen2.5-1.5B-Instruct-GGUF/resolve/main/"
                                "qwen2.5-1.5b-instruct-q4_0.gguf"));
        QCOMPARE(file.items.first().destination, QStringLiteral("/data/models/qwen2.5-1.5b-instruct-q4_0.gguf"));
        QCOMPARE(file.modelPath, file.items.first().destination);

        const auto hf = qd::Catalog::builtIn().find(QStringLiteral("qwen2.5-1.5b-instruct-safetensors"));
        const qd::DownloadPlan folder = qd::planDownload(*hf, base, QStringLiteral("/data/models"));
        QCOMPARE(folder.items.size(), 7);
        QCOMPARE(folder.modelPath, QStringLiteral("/data/models/Qwen2.5-1.5B-Instruct"));
        QCOMPARE(folder.items.last().destination, QStringLiteral("/data/models/Qwen2.5-1.5B-Instruct/model.safetensors"));
        QVERIFY(folder.items.last().expectedBytes > 3000000000);
    }

    void listModelServesEntries() {
        qd::CatalogListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), qd::Catalog::builtIn().entries().size());
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.data(first, qd::CatalogListModel::IdRole).toString(), QStringLiteral("qwen2.5-1.5b-instruct-q4_k_m"));
        QVERIFY(model.data(first, qd::CatalogListModel::RecommendedRole).toBool());
        QCOMPARE(model.data(first).toString(), model.data(first, qd::CatalogListModel::TitleRole).toString());
        QVERIFY(model.data(first, qd::CatalogListModel::DownloadBytesRole).toLongLong() > 0);
        QCOMPARE(model.roleNames().value(qd::CatalogListModel::RamBytesRole), QByteArray("ramBytes"));
        QVERIFY(!model.data(model.index(0, 0), Qt::UserRole + 100).isValid());
        QCOMPARE(model.rowCount(first), 0);
    }

    void baseUrlPrecedence() {
        qunsetenv("HF_ENDPOINT");
        QCOMPARE(qd::downloadBaseUrl().toString(), QStringLiteral("https://huggingface.co"));
        qputenv("HF_ENDPOINT", "https://hf-mirror.com");
        QCOMPARE(qd::downloadBaseUrl().toString(), QStringLiteral("https://hf-mirror.com"));
        QCOMPARE(qd::downloadBaseUrl(QStringLiteral("http://127.0.0.1:1234")).toString(),
                 QStringLiteral("http://127.0.0.1:1234"));
        qunsetenv("HF_ENDPOINT");
        QCOMPARE(qd::fileDownloadUrl(qd::downloadBaseUrl(), QStringLiteral("Qwen/R"), QStringLiteral("f.json")).toString(),
                 QStringLiteral("https://huggingface.co/Qwen/R/resolve/main/f.json"));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "test_catalog.moc"
