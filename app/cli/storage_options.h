#pragma once
// The --data-dir option of the commands that read or write the chat history, and opening it.
#include "database.h"

#include <QCommandLineParser>

#include <memory>

namespace qd::cli {

void addDataDirOption(QCommandLineParser &parser);
// Opens the database of the chosen (or default) data directory. A notice from opening (a damaged
// file set aside) goes to stderr. Throws qd::app::StorageError.
std::unique_ptr<app::Database> openDatabase(const QCommandLineParser &parser, const char *command);

}  // namespace qd::cli
