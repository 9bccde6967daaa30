#pragma once
// The models QwenDesk offers to download (resources/catalog.json, built into the library).
#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace qd {

struct CatalogFile {
    QString name;        // file name in the repository
    qint64 bytes = 0;    // approximate; the server's size is what counts
};

struct CatalogEntry {
    QString id;           // stable key, e.g. "qwen2.5-1.5b-instruct-q4_k_m"
    QString title;
    QString description;
    QString repo;         // Hugging Face repository, e.g. "Qwen/Qwen2.5-1.5B-Instruct-GGUF"
    bool isFolder = false;  // a Hugging Face folder (several files) rather than one GGUF file
    QString folder;       // the folder's name on disk when isFolder
    QString quantization;
    qint64 ramBytes = 0;  // estimated memory to run it
    bool recommended = false;
    QList<CatalogFile> files;

    qint64 totalBytes() const;
};

class Catalog {
public:
    // Parses catalog JSON; throws qd::Error naming the entry and field that is wrong.
    static Catalog fromJson(const QByteArray &json);
    // The catalog compiled into the application.
    static const Catalog &builtIn();

    const QList<CatalogEntry> &entries() const { return entries_; }
    std::optional<CatalogEntry> find(const QString &id) const;
    const QString &note() const { return note_; }

private:
    QList<CatalogEntry> entries_;
    QString note_;
};

}  // namespace qd
