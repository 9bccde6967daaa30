#pragma once
// Writes a safetensors file laid out exactly as the reference `safetensors` library lays it out:
// u64 header length, compact JSON header with "__metadata__" first, padded with spaces to a
// multiple of 8, tensors ordered by dtype (F32, BF16, F16) and then by name, data back to back in
// that order. Tensor data is streamed, so a tensor never has to be in memory as a whole.
#include "formats/tensor_producer.h"
#include "formats/tensor_type.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace qd::safetensors {

struct OutputTensor {
    std::string name;
    TensorType type = TensorType::F32;  // F32, F16 or BF16
    std::vector<uint64_t> shape;        // outermost dimension first
    TensorProducer produce;             // must deliver exactly elements * dtype-size bytes
};

// Writes to `path + ".partial"` and renames into place when complete; throws qd::Error naming the
// path (and the tensor) on failure, leaving nothing under `path`. An empty metadata map writes no
// "__metadata__" entry, as the reference does for None.
void write(const std::string &path, std::vector<OutputTensor> tensors,
           const std::map<std::string, std::string> &metadata);

}  // namespace qd::safetensors
