#include "catalog.h"

#include "util/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qd {

namespace {

QString requiredString(const QJsonObject &object, const char *key, const QString &where) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isString() || value.toString().isEmpty())
        throw Error(where.toStdString() + ": \"" + key + "\" must be a non-empty string");
    return value.toString();
}

qint64 requiredBytes(const QJsonObject &object, const char *key, const QString &where) {
    const double value = object.value(QLatin1String(key)).toDouble(-1);
    if (value < 0) throw Error(where.toStdString() + ": \"" + key + "\" must be a non-negative number");
    return static_cast<qint64>(value);
}

// A repository file name or folder must stay inside the models directory.
QString safeName(const QString &name, const QString &where) {
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name == QLatin1String("..") ||
        name == QLatin1String("."))
        throw Error(where.toStdString() + ": \"" + name.toStdString() + "\" is not a plain file name");
    return name;
}

CatalogEntry parseEntry(const QJsonObject &object, qsizetype index) {
    CatalogEntry entry;
    const QString where = QStringLiteral("catalog entry %1").arg(index);
    entry.id = requiredString(object, "id", where);
    const QString named = where + QStringLiteral(" (") + entry.id + QLatin1Char(')');
    entry.title = requiredString(object, "title", named);
    entry.description = object.value(QLatin1String("description")).toString();
    entry.repo = requiredString(object, "repo", named);
    const QString format = requiredString(object, "format", named);
    if (format == QLatin1String("huggingface-folder"))
        entry.isFolder = true;
    else if (format != QLatin1String("gguf"))
        throw Error(named.toStdString() + ": \"format\" must be \"gguf\" or \"huggingface-folder\"");
    if (entry.isFolder) entry.folder = safeName(requiredString(object, "folder", named), named);
    entry.quantization = object.value(QLatin1String("quantization")).toString();
    entry.ramBytes = requiredBytes(object, "ramBytes", named);
    entry.recommended = object.value(QLatin1String("recommended")).toBool(false);
    const QJsonArray files = object.value(QLatin1String("files")).toArray();
    if (files.isEmpty()) throw Error(named.toStdString() + ": \"files\" must list at least one file");
    if (!entry.isFolder && files.size() != 1) throw Error(named.toStdString() + ": a GGUF entry has exactly one file");
    for (const QJsonValue &file : files) {
        const QJsonObject f = file.toObject();
        entry.files.append({safeName(requiredString(f, "name", named), named), requiredBytes(f, "bytes", named)});
    }
    return entry;
}

}  // namespace

qint64 CatalogEntry::totalBytes() const {
    qint64 total = 0;
    for (const CatalogFile &file : files) total += file.bytes;
    return total;
}

Catalog Catalog::fromJson(const QByteArray &json) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        throw Error("catalog: not a JSON object (" + parseError.errorString().toStdString() + ")");
    Catalog catalog;
    catalog.note_ = document.object().value(QLatin1String("note")).toString();
    const QJsonArray entries = document.object().value(QLatin1String("entries")).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        CatalogEntry entry = parseEntry(entries.at(i).toObject(), i);
        if (catalog.find(entry.id)) throw Error("catalog: the id \"" + entry.id.toStdString() + "\" appears twice");
        catalog.entries_.append(std::move(entry));
    }
    return catalog;
}

const Catalog &Catalog::builtIn() {
    static const Catalog catalog = [] {
        QFile file(QStringLiteral(":/qwendesk/catalog.json"));
        if (!file.open(QIODevice::ReadOnly)) throw Error("the built-in model catalog is missing");
        return fromJson(file.readAll());
    }();
    return catalog;
}

std::optional<CatalogEntry> Catalog::find(const QString &id) const {
    for (const CatalogEntry &entry : entries_)
        if (entry.id == id) return entry;
    return std::nullopt;
}

}  // namespace qd
