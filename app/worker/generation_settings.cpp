#include "generation_settings.h"

#include "settings.h"

#include <QRandomGenerator>

namespace qd::app {

GenerationOptions generationOptions(const Settings &settings, const SamplingOverrides &overrides) {
    GenerationOptions options;
    SamplingParams &s = options.sampling;
    s.temperature = float(overrides.temperature.value_or(settings.temperature()));
    s.topK = overrides.topK.value_or(settings.topK());
    s.topP = float(overrides.topP.value_or(settings.topP()));
    s.minP = float(overrides.minP.value_or(settings.minP()));
    s.repetitionPenalty = float(overrides.repetitionPenalty.value_or(settings.repetitionPenalty()));
    const qint64 seed = overrides.seed.value_or(settings.seed());
    s.seed = seed < 0 ? QRandomGenerator::global()->generate64() : quint64(seed);
    options.maxNewTokens = overrides.maxNewTokens.value_or(settings.maxNewTokens());
    return options;
}

}  // namespace qd::app
