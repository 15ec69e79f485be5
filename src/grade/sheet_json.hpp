// One sheet from the JSON text of one line of a JSON Lines file.
#pragma once

#include <optional>
#include <string_view>

#include "handcheck/grade/sheet.hpp"

namespace handcheck::sheets {

// Fills `sheet` (its memory reused) from the JSON text of one line; `where` places errors.
// `id_at`, if given, is set to the offset of the id's text in json_text when the sheet's id is
// those bytes as written (a string without escapes), else to nullopt.
void fill_sheet_json(Sheet& sheet, std::string_view json_text, const SourceLoc& where, const AnswerKey& key,
                     std::optional<std::size_t>* id_at = nullptr);

}  // namespace handcheck::sheets
