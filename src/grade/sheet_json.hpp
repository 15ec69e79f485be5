// One sheet from the JSON text of one line of a JSON Lines file.
#pragma once

#include <string_view>

#include "handcheck/grade/sheet.hpp"

namespace handcheck::sheets {

// Fills `sheet` (its memory reused) from the JSON text of one line; `where` places errors.
void fill_sheet_json(Sheet& sheet, std::string_view json_text, const SourceLoc& where, const AnswerKey& key);

}  // namespace handcheck::sheets
