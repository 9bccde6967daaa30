#pragma once
// The Jinja source of the Qwen2.5 chat template, used to recognise a model's template.
#include <string_view>

namespace qd {

// The template shipped by Qwen2.5-Instruct (sha256 of the UTF-8 bytes:
// cd8e9439f0570856fd70470bf8889ebd8b5d1107207f67a5efb46e342330527f).
std::string_view qwen25InstructTemplateSource();

}  // namespace qd
