// parse_expression on any text: a tree or a ParseError at an offset inside the text; the
// canonical text of a tree parses back to the same canonical text (same meaning).
#include "fuzz_common.hpp"
#include "handcheck/expr/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  std::string_view text = fuzz::text_of(data, size);
  ExprPtr e;
  try {
    e = parse_expression(text);
  } catch (const ParseError& err) {
    if (err.pos > text.size()) fuzz::fail("error offset beyond the text");
    if (!fuzz::valid_utf8(err.what()) && fuzz::valid_utf8(text)) fuzz::fail("message is not UTF-8");
    return 0;
  }
  std::string canonical = to_string(*e);
  referenced_names(*e);
  ExprPtr again;
  try {
    // Canonical text adds blanks and parentheses: allow it room and depth.
    again = parse_expression(canonical, ParseLimits{ParseLimits{}.max_depth * 2, canonical.size() + 1});
  } catch (const ParseError& err) {
    fuzz::fail("canonical text '" + canonical + "' does not parse: " + err.what());
  }
  if (to_string(*again) != canonical)
    fuzz::fail("'" + canonical + "' reads back as '" + to_string(*again) + "'");
  return 0;
}
