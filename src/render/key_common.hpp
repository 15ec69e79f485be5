// What the answer-key renderers share beyond the key view: verdict wording and escaping for
// each target language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/audit/key_view.hpp"
#include "handcheck/render/text.hpp"

namespace handcheck::keys {

// "erratum: the sheet prints 1, should be 2" and similar, for titles and legends.
std::string verdict_note(const StatedMark& s);

// Escaping, one function per target language.
std::string escape_html(std::string_view s);
std::string escape_markdown(std::string_view s);  // inline prose
std::string markdown_code(std::string_view s);    // `code`, safe inside a table cell
std::string escape_latex(std::string_view s);     // text mode, UTF-8 in, ASCII out
// A printed number ("3/10", "-0.25", "1.2e-7", "0.3651…", "[0.1, 0.2]") in LaTeX math mode.
// Fraction digits go in groups of five; with `wrap` > 0, a longer decimal breaks into lines
// of `wrap` fraction digits (a left-aligned array) so that a matrix of them fits a page.
std::string latex_number(std::string_view s, std::size_t wrap = 0);

}  // namespace handcheck::keys
