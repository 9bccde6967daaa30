#pragma once
// How the writers take tensor data: a producer hands its bytes to a sink in as many pieces as it
// likes (a row at a time), so a model can be written without ever holding a whole tensor.
#include <cstdint>
#include <functional>
#include <span>

namespace qd {

using ByteSink = std::function<void(std::span<const uint8_t>)>;
using TensorProducer = std::function<void(const ByteSink &)>;

// A producer for bytes already in memory; they must outlive the write.
inline TensorProducer producerFor(std::span<const uint8_t> bytes) {
    return [bytes](const ByteSink &sink) { sink(bytes); };
}

}  // namespace qd
