// load_case_text on any bytes: a Case, or an Error with a line and column and a UTF-8 message.
#include "fuzz_common.hpp"
#include "handcheck/model/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  LoadLimits limits;
  limits.max_cells = 400;
  limits.max_digits = 40;
  try {
    load_case_text(std::string(fuzz::text_of(data, size)), "fuzz.yaml", limits);
  } catch (const Error& e) {
    if (e.where().line == 0 || e.where().column == 0) fuzz::fail(std::string("no line and column: ") + e.what());
    if (!fuzz::valid_utf8(e.what())) fuzz::fail("message is not UTF-8");
  }
  return 0;
}
