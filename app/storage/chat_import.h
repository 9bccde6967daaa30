#pragma once
// Importing conversations exported as JSON by ChatExporter. Imported conversations get new ids;
// all of a file is imported in one transaction, or nothing when any part is invalid.
#include "database.h"

#include <QByteArray>
#include <QList>

namespace qd::app {

class ChatImporter {
public:
    explicit ChatImporter(Database &database) : db_(database) {}

    // Returns the ids of the new conversations. Throws StorageError(Invalid) naming what is wrong.
    QList<qint64> fromJson(const QByteArray &json);

private:
    Database &db_;
};

}  // namespace qd::app
