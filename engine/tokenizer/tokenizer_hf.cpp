// Loading a tokenizer from Hugging Face files: tokenizer.json, or vocab.json + merges.txt, each
// with tokenizer_config.json for the chat template and the eos/pad tokens.
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary_builder.h"
#include "util/error.h"
#include "util/mapped_file.h"

#include <nlohmann/json.hpp>

#include <charconv>

namespace qd {

namespace {

using nlohmann::json;

// The only pre-tokenizer split this tokenizer implements (Qwen2's).
constexpr std::string_view kQwen2SplitRegex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

json readJson(const std::string &path) {
    const std::string text = readTextFile(path);
    try {
        return json::parse(text);
    } catch (const json::parse_error &e) {
        throw Error(path + ": not valid JSON (" + e.what() + ")");
    }
}

const json &member(const json &object, const char *key, json::value_t type, const std::string &path,
                   const std::string &where) {
    const auto it = object.find(key);
    if (it == object.end()) throw Error(path + ": " + where + " has no \"" + key + "\"");
    const bool ok = it->type() == type || (type == json::value_t::number_integer && it->is_number_unsigned());
    if (!ok) throw Error(path + ": " + where + " \"" + key + "\" has the wrong type (" + it->type_name() + ")");
    return *it;
}

// tokenizer.json declares its pipeline; refuse one that this implementation would get wrong.
void checkPipeline(const json &root, const std::string &path) {
    if (root.contains("normalizer") && !root["normalizer"].is_null() &&
        root["normalizer"].value("type", "") != "NFC")
        throw Error(path + ": unsupported normalizer " + root["normalizer"].dump() + " (only NFC is implemented)");
    const json &model = member(root, "model", json::value_t::object, path, "the file");
    if (model.value("type", "BPE") != "BPE")
        throw Error(path + ": unsupported model type \"" + model.value("type", "") + "\" (only BPE is implemented)");
    const std::string pre = root.contains("pre_tokenizer") ? root["pre_tokenizer"].dump() : std::string();
    if (pre.find(json(std::string(kQwen2SplitRegex)).dump()) == std::string::npos)
        throw Error(path + ": unsupported pre-tokenizer (only Qwen2's byte-level split is implemented)");
}

int64_t tokenId(const json &value, const std::string &path, std::string_view token) {
    if (!value.is_number_integer())
        throw Error(path + ": the id of token \"" + std::string(token) + "\" is not an integer");
    return value.get<int64_t>();
}

void addMerges(VocabularyBuilder &builder, const json &merges, const std::string &path) {
    if (!merges.is_array()) throw Error(path + ": \"model.merges\" is not an array");
    for (size_t i = 0; i < merges.size(); ++i) {
        const json &m = merges[i];
        const std::string where = "merge " + std::to_string(i);
        // Older files write "left right", newer ones ["left", "right"].
        if (m.is_string()) {
            const std::string &s = m.get_ref<const std::string &>();
            const size_t space = s.find(' ');
            if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos)
                throw Error(path + ": " + where + " \"" + s + "\" is not two tokens separated by a space");
            builder.addMerge(std::string_view(s).substr(0, space), std::string_view(s).substr(space + 1), where);
        } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            builder.addMerge(m[0].get_ref<const std::string &>(), m[1].get_ref<const std::string &>(), where);
        } else {
            throw Error(path + ": " + where + " is neither \"left right\" nor [\"left\", \"right\"]");
        }
    }
}

void addVocab(VocabularyBuilder &builder, const json &vocab, const std::string &path) {
    if (!vocab.is_object()) throw Error(path + ": the vocabulary is not a JSON object");
    for (const auto &[spelled, id] : vocab.items()) builder.addBpeToken(spelled, tokenId(id, path, spelled));
}

json readConfig(const std::string &path) {
    if (path.empty()) return json::object();
    json config = readJson(path);
    if (!config.is_object()) throw Error(path + ": not a JSON object");
    return config;
}

// An added token's text in tokenizer_config.json: a string or an AddedToken object.
std::optional<std::string> tokenText(const json &value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_object() && value.contains("content") && value["content"].is_string())
        return value["content"].get<std::string>();
    return std::nullopt;
}

void addConfigAddedTokens(VocabularyBuilder &builder, const json &config, const std::string &path) {
    if (!config.contains("added_tokens_decoder")) return;
    const json &decoder = config["added_tokens_decoder"];
    if (!decoder.is_object()) throw Error(path + ": \"added_tokens_decoder\" is not an object");
    for (const auto &[key, token] : decoder.items()) {
        int64_t id = -1;
        const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
        if (ec != std::errc() || end != key.data() + key.size())
            throw Error(path + ": \"added_tokens_decoder\" key \"" + key + "\" is not a token id");
        const auto text = tokenText(token);
        if (!text) throw Error(path + ": added token " + key + " has no \"content\"");
        const bool special = token.is_object() && token.value("special", false);
        builder.addToken(*text, id, special ? TokenKind::Special : TokenKind::Added);
    }
}

std::optional<int32_t> declaredToken(const TokenizerDefinition &def, const json &config, const char *key,
                                     const std::string &path) {
    if (!config.contains(key) || config[key].is_null()) return std::nullopt;
    const auto text = tokenText(config[key]);
    if (!text) throw Error(path + ": \"" + key + "\" is neither a string nor a token object");
    std::optional<int32_t> found;
    for (size_t id = 0; id < def.tokenBytes.size(); ++id) {
        if (def.tokenBytes[id] != *text) continue;
        found = static_cast<int32_t>(id);
        if (def.kinds[id] != TokenKind::Bpe) break;  // an added token wins over a BPE token
    }
    if (!found) throw Error(path + ": \"" + key + "\" is \"" + *text + "\", which is not a token");
    return found;
}

std::string chatTemplateOf(const json &config, const std::string &path) {
    if (!config.contains("chat_template") || config["chat_template"].is_null()) return {};
    const json &t = config["chat_template"];
    if (t.is_string()) return t.get<std::string>();
    // Some models list named templates; "default" is the one used for chat.
    if (t.is_array())
        for (const json &entry : t)
            if (entry.is_object() && entry.value("name", "") == "default" && entry.contains("template") &&
                entry["template"].is_string())
                return entry["template"].get<std::string>();
    throw Error(path + ": \"chat_template\" is neither a string nor a list with a \"default\" template");
}

void applyConfig(TokenizerDefinition &def, const json &config, const std::string &path) {
    def.chatTemplate = chatTemplateOf(config, path);
    def.eosTokenId = declaredToken(def, config, "eos_token", path);
    def.padTokenId = declaredToken(def, config, "pad_token", path);
}

}  // namespace

Tokenizer Tokenizer::fromTokenizerJson(const std::string &tokenizerJsonPath, const std::string &tokenizerConfigPath) {
    const std::string &path = tokenizerJsonPath;
    const json config = readConfig(tokenizerConfigPath);
    const json root = readJson(path);
    if (!root.is_object()) throw Error(path + ": not a JSON object");
    checkPipeline(root, path);
    const json &model = root["model"];
    VocabularyBuilder builder(path);
    addVocab(builder, member(model, "vocab", json::value_t::object, path, "\"model\""), path);
    if (root.contains("added_tokens") && !root["added_tokens"].is_null()) {
        const json &added = root["added_tokens"];
        if (!added.is_array()) throw Error(path + ": \"added_tokens\" is not an array");
        for (const json &token : added) {
            if (!token.is_object()) throw Error(path + ": an entry of \"added_tokens\" is not an object");
            const auto &content =
                member(token, "content", json::value_t::string, path, "an added token").get_ref<const std::string &>();
            const int64_t id =
                tokenId(member(token, "id", json::value_t::number_integer, path, "an added token"), path, content);
            builder.addToken(content, id, token.value("special", false) ? TokenKind::Special : TokenKind::Added);
        }
    }
    addMerges(builder, member(model, "merges", json::value_t::array, path, "\"model\""), path);
    TokenizerDefinition def = builder.finish();
    applyConfig(def, config, tokenizerConfigPath);
    return Tokenizer(std::move(def));
}

Tokenizer Tokenizer::fromVocabAndMerges(const std::string &vocabJsonPath, const std::string &mergesTxtPath,
                                        const std::string &tokenizerConfigPath) {
    const json config = readConfig(tokenizerConfigPath);
    const json vocab = readJson(vocabJsonPath);
    VocabularyBuilder builder(vocabJsonPath);
    addVocab(builder, vocab, vocabJsonPath);
    addConfigAddedTokens(builder, config, tokenizerConfigPath);

    const std::string merges = readTextFile(mergesTxtPath);
    size_t lineNumber = 0;
    for (size_t pos = 0; pos < merges.size();) {
        size_t end = merges.find('\n', pos);
        if (end == std::string::npos) end = merges.size();
        std::string_view line(merges.data() + pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        // GPT-2-style files start with a "#version" line; blank lines carry nothing.
        if (line.empty() || (lineNumber == 1 && line.starts_with("#version"))) continue;
        const std::string where = mergesTxtPath + " line " + std::to_string(lineNumber);
        const size_t space = line.find(' ');
        if (space == std::string_view::npos || line.find(' ', space + 1) != std::string_view::npos)
            throw Error(where + ": \"" + std::string(line) + "\" is not two tokens separated by a space");
        builder.addMerge(line.substr(0, space), line.substr(space + 1), where);
    }
    TokenizerDefinition def = builder.finish();
    applyConfig(def, config, tokenizerConfigPath);
    return Tokenizer(std::move(def));
}

}  // namespace qd
