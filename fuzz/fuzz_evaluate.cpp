// A case from any bytes, loaded, evaluated in both pipelines, audited and rendered, under
// small limits so that one input takes milliseconds. Every failure is a handcheck::Error
// with a place; nothing else may escape.
#include <memory>

#include "fuzz_common.hpp"
#include "handcheck/audit/audit.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/render/json.hpp"
#include "handcheck/render/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  AuditOptions options;
  options.load.max_cells = 400;
  options.load.max_digits = 40;
  options.load.expression.max_depth = 40;
  options.load.number.max_length = 200;
  options.load.number.max_exponent = 200;
  options.pipeline.eval.max_cells = 400;
  options.pipeline.max_bits = 4096;
  options.pipeline.max_precision = 200;
  std::shared_ptr<const Case> kase;
  try {
    kase = std::make_shared<Case>(load_case_text(std::string(fuzz::text_of(data, size)), "fuzz.yaml", options.load));
  } catch (const Error&) {
    return 0;
  }
  std::vector<CaseAudit> audits{audit_case(kase, options)};
  const CaseAudit& a = audits[0];
  if (a.status == CaseAudit::Status::error) {
    if (!a.error) fuzz::fail("status error without an error");
    if (a.error->where().line == 0) fuzz::fail(std::string("error without a line: ") + a.error->what());
    if (!fuzz::valid_utf8(a.error->what())) fuzz::fail("message is not UTF-8");
  }
  std::string text = render_text(audits);
  std::string json = render_json(audits);
  if (!fuzz::valid_utf8(text) || !fuzz::valid_utf8(json)) fuzz::fail("report is not UTF-8");
  return 0;
}
