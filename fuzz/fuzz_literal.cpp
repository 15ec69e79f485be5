// parse_literal on any text: a Literal or a DomainError, and a Literal reads back as itself.
#include "fuzz_common.hpp"
#include "handcheck/error.hpp"
#include "handcheck/numbers/literal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  std::string_view text = fuzz::text_of(data, size);
  Literal lit;
  try {
    lit = parse_literal(text);
  } catch (const DomainError& e) {
    if (!fuzz::valid_utf8(e.what()) && fuzz::valid_utf8(text)) fuzz::fail("message is not UTF-8");
    return 0;
  }
  if (lit.decimals < -1) fuzz::fail("negative decimals");
  // The exact value, written as a fraction, parses back to the same number.
  std::string fraction = to_fraction_string(lit.value);
  if (fraction.size() <= LiteralLimits{}.max_length) {
    try {
      if (parse_literal(fraction).value != lit.value) fuzz::fail("'" + lit.text + "' does not read back as " + fraction);
    } catch (const DomainError& e) {
      fuzz::fail("'" + fraction + "' does not parse: " + e.what());
    }
  }
  return 0;
}
