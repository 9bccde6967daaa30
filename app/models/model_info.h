#pragma once
// What a model on disk is, shown before the user loads it: format, size, tensor types, memory per
// quantization level, parameter count and whether it is the chat (Instruct) model.
#include "model/model_source.h"
#include "model/quant_level.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace qd {

enum class ModelVariant {
    Instruct,  // Qwen2.5-Instruct chat template: the model for chat
    Base,      // Qwen2.5 base template: a text-completion model
    Unknown,   // no usable chat template
};

struct TensorTypeCount {
    QString type;  // "BF16", "Q4_0", ... (the engine's type names)
    int count = 0;
};

struct LevelMemory {
    QuantLevel level = QuantLevel::Auto;
    uint64_t bytes = 0;  // weights at that level (qd::weightBytesAtLevel)
};

struct ModelInfo {
    QString path;
    ModelFormat format = ModelFormat::Gguf;
    QString name;
    QString architecture;
    uint64_t fileBytes = 0;
    uint64_t parameterCount = 0;
    int64_t layers = 0;
    int64_t hiddenSize = 0;
    int64_t contextLength = 0;
    QList<TensorTypeCount> tensorTypes;  // sorted by type name
    QList<LevelMemory> memory;           // auto, f32, bf16, q8_0, q4_0
    ModelVariant variant = ModelVariant::Unknown;
    // Empty for the Instruct model; otherwise why the Instruct model is the better choice for chat.
    QString advice;

    QString formatName() const;  // "GGUF" or "Hugging Face folder"
    uint64_t memoryAt(QuantLevel level) const;
};

// Opens and validates the model (qd::ModelSource::open) without preparing its weights. Throws
// qd::Error with the reader's message when the file or folder is not a usable model.
ModelInfo inspectModel(const QString &path);

// The same description for a model that is already open.
ModelInfo describeModel(const ModelSource &source);

QString variantName(ModelVariant variant);

}  // namespace qd
