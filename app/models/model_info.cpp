#include "model_info.h"

#include "chat/chat_template.h"
#include "model/model_weights.h"
#include "util/error.h"

#include <map>

namespace qd {

namespace {

constexpr QuantLevel kLevels[] = {QuantLevel::Auto, QuantLevel::F32, QuantLevel::BF16, QuantLevel::Q8_0,
                                  QuantLevel::Q4_0};

ModelVariant variantOf(const Tokenizer &tokenizer) {
    try {
        const ChatTemplate chat = ChatTemplate::fromSource(tokenizer.chatTemplate());
        // The base template differs from the Instruct one only in its default system prompt.
        return chat.defaultSystemPrompt() == ChatTemplate::qwen25Instruct().defaultSystemPrompt()
                   ? ModelVariant::Instruct
                   : ModelVariant::Base;
    } catch (const Error &) {
        return ModelVariant::Unknown;
    }
}

QString adviceFor(ModelVariant variant) {
    switch (variant) {
    case ModelVariant::Instruct:
        return {};
    case ModelVariant::Base:
        return QStringLiteral(
            "This is the base model (Qwen/Qwen2.5-1.5B): it was trained to continue text, not to follow "
            "a conversation, so in a chat it tends to ramble, repeat the prompt or answer its own "
            "questions. For chat, use Qwen/Qwen2.5-1.5B-Instruct, which was tuned on conversations in "
            "this chat format.");
    case ModelVariant::Unknown:
        break;
    }
    return QStringLiteral(
        "This model has no Qwen2.5 chat template, so it cannot be used for chat. Use "
        "Qwen/Qwen2.5-1.5B-Instruct.");
}

}  // namespace

QString ModelInfo::formatName() const {
    return format == ModelFormat::Gguf ? QStringLiteral("GGUF") : QStringLiteral("Hugging Face folder");
}

uint64_t ModelInfo::memoryAt(QuantLevel level) const {
    for (const LevelMemory &m : memory)
        if (m.level == level) return m.bytes;
    return 0;
}

ModelInfo describeModel(const ModelSource &source) {
    const ModelConfig &config = source.config();
    ModelInfo info;
    info.path = QString::fromStdString(source.path());
    info.format = source.format();
    info.name = QString::fromStdString(config.name);
    info.architecture = QString::fromStdString(config.architecture);
    info.fileBytes = source.fileBytes();
    info.parameterCount = config.parameterCount();
    info.layers = config.numLayers;
    info.hiddenSize = config.hiddenSize;
    info.contextLength = config.maxContext;

    std::map<std::string_view, int> counts;
    for (const SourceTensor &tensor : source.tensors()) ++counts[tensorTypeName(tensor.type)];
    for (const auto &[type, count] : counts)
        info.tensorTypes.append({QString::fromUtf8(type.data(), static_cast<qsizetype>(type.size())), count});

    for (QuantLevel level : kLevels) info.memory.append({level, weightBytesAtLevel(source, level)});

    info.variant = variantOf(source.tokenizer());
    info.advice = adviceFor(info.variant);
    return info;
}

ModelInfo inspectModel(const QString &path) {
    const auto source = ModelSource::open(path.toStdString());
    return describeModel(*source);
}

QString variantName(ModelVariant variant) {
    switch (variant) {
    case ModelVariant::Instruct:
        return QStringLiteral("Qwen2.5-Instruct (chat)");
    case ModelVariant::Base:
        return QStringLiteral("Qwen2.5 base (text completion)");
    case ModelVariant::Unknown:
        break;
    }
    return QStringLiteral("unknown (no Qwen2.5 chat template)");
}

}  // namespace qd
