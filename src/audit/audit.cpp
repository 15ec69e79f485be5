#include "handcheck/audit/audit.hpp"

#include <algorithm>

#include "auditor.hpp"
#include "handcheck/audit/approximation.hpp"

namespace handcheck {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::ok: return "ok";
    case Verdict::carried: return "carried";
    case Verdict::erratum: return "erratum";
    case Verdict::undecided: return "undecided";
  }
  return "";
}

std::string_view to_string(Downstream d) {
  switch (d) {
    case Downstream::none: return "none";
    case Downstream::correct: return "correct";
    case Downstream::stated: return "stated";
    case Downstream::mixed: return "mixed";
  }
  return "";
}

std::string_view to_string(DownstreamScope s) {
  switch (s) {
    case DownstreamScope::cell: return "cell";
    case DownstreamScope::column: return "column";
    case DownstreamScope::step: return "step";
  }
  return "";
}

std::string_view to_string(Agreement a) {
  switch (a) {
    case Agreement::same: return "same";
    case Agreement::differs: return "differs";
    case Agreement::undecided: return "undecided";
  }
  return "";
}


CaseAudit audit_stated(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated,
                       const PipelineOptions& options, std::optional<std::pair<HandRun, ExactRun>>* raised,
                       const AuditWork& work) {
  const unsigned cap = precision_cap(c, options);
  PipelineOptions po = options;
  const HandRun* h = &hand;
  const ExactRun* e = &exact;
  std::optional<std::pair<HandRun, ExactRun>> higher;
  bool cap_reached = false;
  for (;;) {
    CaseAudit out;
    out.file = c.file;
    out.title = c.title;
    const unsigned digits10 = std::max(h->digits10, e->digits10);
    AuditWork w = work;
    if (h != &hand) w.recomputed = nullptr;  // its values are those of the first precision
    with_precision(digits10, [&] {
      ScopedLimits limits(po);
      audit_cells(c, *h, *e, stated, out, w);
    });
    // Raise the precision until every comparison is decided and every correct value of a cell
    // not ok can be written as its stated number is, or the cap says it cannot be.
    const bool higher_decides = out.undecided > out.undecided_over_box || out.unsettled_texts > 0;
    if (!higher_decides || digits10 >= cap || cap_reached) {
      out.status = out.erratum + out.carried + out.undecided > 0 ? CaseAudit::Status::errata
                                                                 : CaseAudit::Status::clean;
      if (raised) *raised = std::move(higher);
      return out;
    }
    po.start_precision = std::min(cap, digits10 * 2);
    try {
      higher = run_pipelines(c, po);
    } catch (const Error&) {
      cap_reached = true;  // raising past a limit: the comparisons stay undecided
      continue;
    }
    h = &higher->first;
    e = &higher->second;
  }
}

namespace {

// Below this many input cells another thread costs more than the work it would overlap.
constexpr std::size_t kSideBySideCells = 1024;

std::size_t input_cells(const Case& c) {
  std::size_t n = 0;
  for (const Item& item : c.items)
    if (item.is_input) n += item.value.size();
  return n;
}

}  // namespace

CaseAudit audit_case(std::shared_ptr<const Case> kase, const AuditOptions& options) {
  CaseAudit out;
  out.kase = kase;
  const Case& c = *kase;
  out.file = c.file;
  out.title = c.title;
  try {
    // The pipelines are independent: a large case runs them side by side.
    const unsigned threads = input_cells(c) >= kSideBySideCells ? 0 : 1;
    auto runs = run_pipelines(c, options.pipeline, threads);
    std::optional<std::pair<HandRun, ExactRun>> raised;
    AuditWork work;
    work.slip_work = options.max_slip_work;
    CaseAudit audited = audit_stated(c, runs.first, runs.second, {}, options.pipeline, &raised, work);
    audited.kase = std::move(out.kase);
    if (raised) runs = std::move(*raised);
    audited.hand = std::move(runs.first);
    audited.exact = std::move(runs.second);
    out = std::move(audited);
    if (out.hand && out.exact && options.compare_pipelines) out.approximation = compare_pipelines(c, *out.hand, *out.exact, threads);
  } catch (const Error& e) {
    out.status = CaseAudit::Status::error;
    out.error = e;
  }
  return out;
}

CaseAudit audit_file(const std::string& path, const AuditOptions& options) {
  try {
    auto c = std::make_shared<Case>(load_case_file(path, options.load));
    if (options.digits > 0) c->set_digits(options.digits);
    return audit_case(std::move(c), options);
  } catch (const Error& e) {
    CaseAudit out;
    out.file = path;
    out.status = CaseAudit::Status::error;
    out.error = e;
    return out;
  }
}

}  // namespace handcheck
