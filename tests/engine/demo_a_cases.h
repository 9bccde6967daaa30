#pragma once
// The 80 reference chats of the trained demo-a model (tests/data/trained/demo-a/cases.jsonl).
#include "chat/chat_message.h"

#include <QFile>
#include <QString>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace qd::test {

inline const QString kDemoA = QStringLiteral(QD_TEST_DATA_DIR "/trained/demo-a/");

struct DemoACase {
    std::string id;
    std::vector<ChatMessage> messages;
    std::string reply;
    std::vector<int32_t> promptIds;
};

inline const std::vector<DemoACase> &demoACases() {
    static const std::vector<DemoACase> all = [] {
        QFile f(kDemoA + QStringLiteral("cases.jsonl"));
        if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read cases.jsonl");
        std::vector<DemoACase> out;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (line.trimmed().isEmpty()) continue;
            const auto j = nlohmann::ordered_json::parse(line.toStdString());
            out.push_back({j["id"], chatMessagesFromJson(j["messages"]), j["reply"],
                           j["prompt_ids"].get<std::vector<int32_t>>()});
        }
        return out;
    }();
    return all;
}

}  // namespace qd::test
