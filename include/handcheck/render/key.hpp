// The answer key in a format chosen by name: what `handcheck key --format` and the Python
// module's key() both call.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"
#include "handcheck/render/key_json.hpp"

namespace handcheck {

// Throws DomainError for a format not in key_formats() (render/formats.hpp), and the audit's Error when the case
// could not be read or evaluated.
std::string render_key(const CaseAudit& a, std::string_view format, const KeyOptions& options = {});
// The same text handed to `sink` in consecutive pieces.
void write_key(const CaseAudit& a, std::string_view format, const KeyOptions& options, const TextSink& sink);

}  // namespace handcheck
