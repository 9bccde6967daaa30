#pragma once
// The generation options of a reply: the global settings, overridden field by field by the
// conversation's own sampling settings.
#include "chat_types.h"
#include "generation/generator.h"

namespace qd::app {

class Settings;

// A seed of -1 draws a new one for every reply.
GenerationOptions generationOptions(const Settings &settings, const SamplingOverrides &overrides);

}  // namespace qd::app
