#include "engine_protocol.h"

namespace qd::app {

RequestId requestId(const EngineRequest &request) {
    return std::visit([](const auto &r) { return r.id; }, request);
}

RequestId eventRequestId(const EngineEvent &event) {
    return std::visit([](const auto &e) { return e.id; }, event);
}

QString endReasonName(EndReason reason) {
    switch (reason) {
    case EndReason::Stop: return QStringLiteral("stop");
    case EndReason::Length: return QStringLiteral("length");
    case EndReason::Cancelled: return QStringLiteral("cancelled");
    case EndReason::Error: return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

}  // namespace qd::app
