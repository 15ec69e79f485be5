// The answer key as JSON (DESIGN §6): every input and step with its hand values as "p/q",
// its exact values as certified decimals, its expression, explanation and stated cells.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"

namespace handcheck {

// Throws the audit's Error when the case could not be read or evaluated.
// The text is written straight from the key view (tens of megabytes for a large case, with no
// document tree); key_json is that text parsed, for tests and tools that want the document.
nlohmann::ordered_json key_json(const CaseAudit& a, const KeyOptions& options = {});
std::string render_key_json(const CaseAudit& a, const KeyOptions& options = {});

// Receives a document in consecutive pieces.
using TextSink = std::function<void(std::string_view)>;
// The text of render_key_json handed to `sink` in pieces of about a megabyte as it is made.
void write_key_json(const CaseAudit& a, const KeyOptions& options, const TextSink& sink);

}  // namespace handcheck
