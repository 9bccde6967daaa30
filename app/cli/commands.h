#pragma once
// The qwendesk-cli commands. Each takes the arguments after the command name and returns the
// process exit code; errors go to stderr as one line.
#include <QStringList>

namespace qd::cli {

using CommandFunction = int (*)(const QStringList &arguments);

struct Command {
    const char *name;
    const char *summary;
    CommandFunction run;
};

int runInfo(const QStringList &arguments);
int runLogits(const QStringList &arguments);
int runGenerate(const QStringList &arguments);
int runChat(const QStringList &arguments);
int runBench(const QStringList &arguments);
int runChatTemplate(const QStringList &arguments);
int runTokenize(const QStringList &arguments);
int runMakeSynthetic(const QStringList &arguments);
int runModels(const QStringList &arguments);
int runDownload(const QStringList &arguments);
int runHistory(const QStringList &arguments);
int runSearch(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runImport(const QStringList &arguments);

}  // namespace qd::cli
