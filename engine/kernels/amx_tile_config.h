#pragma once
// The 64-byte block LDTILECFG reads (palette 1): how many rows and bytes per row each of the 8
// AMX tile registers has until the next configuration or TILERELEASE.
#include <cstdint>

namespace qd::detail {

struct alignas(64) AmxTileConfig {
    uint8_t palette = 1;
    uint8_t startRow = 0;
    uint8_t reserved[14] = {};
    uint16_t bytesPerRow[16] = {};
    uint8_t rows[16] = {};
};
static_assert(sizeof(AmxTileConfig) == 64);

}  // namespace qd::detail
