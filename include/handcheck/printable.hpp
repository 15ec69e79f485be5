// Text from a case, a sheet, a file name or the command line on its way to a report or a
// terminal: always UTF-8, and no control character that a terminal or an XML reader acts on.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "handcheck/detail/text.hpp"

namespace handcheck {

using detail::utf8_length;  // see handcheck/detail/text.hpp

bool is_utf8(std::string_view s);

// `s` with every byte that is not part of a UTF-8 sequence replaced by U+FFFD.
std::string to_utf8(std::string_view s);

// `s` as UTF-8 (see to_utf8) with its control characters written visibly: C0 controls and DEL
// as \x1b, C1 controls and the non-characters U+FFFE and U+FFFF as \u009b. Line feeds and tabs
// stay when `keep_line_breaks`; a carriage return never does (it rewrites a terminal's line).
// Bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), the line and
// paragraph separators U+2028, U+2029 and the invisible U+00AD, U+200B, U+2060, U+FEFF are
// written as [U+202E], as the LaTeX key writes them.
std::string printable(std::string_view s, bool keep_line_breaks = true);

// JSON text (whose writer escapes C0 controls already) with DEL, the C1 controls, U+FFFE,
// U+FFFF and the characters that printable() writes as [U+XXXX] written as \u escapes too. They occur in strings only, so the JSON means the same.
std::string json_printable(std::string json);

}  // namespace handcheck
