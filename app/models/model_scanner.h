#pragma once
// Finds models already on disk: the Hugging Face cache (what `huggingface-cli download` and
// transformers leave behind) and the app's own models directory. Cheap: it looks at names and
// sizes only; inspectModel() validates a model the user picks.
#include "model/model_source.h"

#include <QList>
#include <QString>

namespace qd {

enum class ModelOrigin { HuggingFaceCache, AppDirectory };

struct FoundModel {
    QString path;  // a .gguf file or a folder with config.json
    ModelFormat format = ModelFormat::Gguf;
    ModelOrigin origin = ModelOrigin::AppDirectory;
    QString repo;  // "Qwen/Qwen2.5-1.5B-Instruct" for a cache entry, empty otherwise
    qint64 bytes = 0;  // of the files the model is made of, symlinks followed
};

// The Hugging Face hub cache: $HF_HUB_CACHE, else $HF_HOME/hub, else
// $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub.
QString huggingFaceHubDirectory();

// Qwen2.5 models in a hub cache (models--Qwen--Qwen2.5-*/snapshots/<revision>/): each snapshot
// that is a Hugging Face folder, and each .gguf file in a snapshot. Files whose symlink points to
// a missing blob (an interrupted download) do not count.
QList<FoundModel> scanHuggingFaceCache(const QString &hubDirectory);

// .gguf files and Hugging Face folders in the app's models directory and its subfolders
// (a few levels deep).
QList<FoundModel> scanModelsDirectory(const QString &modelsDirectory);

// Both, the app's directory first; missing directories give nothing.
QList<FoundModel> findModels(const QString &modelsDirectory, const QString &hubDirectory);

QString originName(ModelOrigin origin);

}  // namespace qd
