// The audit: every stated number against the pipelines, with the verdicts of DESIGN §5
// (ok / carried / erratum, and where an erratum went), and the hand-versus-exact report.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "handcheck/audit/compare.hpp"
#include "handcheck/audit/slips.hpp"
#include "handcheck/eval/pipeline.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/model/loader.hpp"

namespace handcheck {

enum class Verdict { ok, carried, erratum, undecided };
enum class Downstream { none, correct, stated, mixed };

std::string_view to_string(Verdict v);
std::string_view to_string(Downstream d);

struct CellAudit {
  std::size_t row = 0, col = 0;  // 0-based
  std::string label;             // q2[3] or S[1,2]
  Literal stated;
  SourceLoc loc;
  Verdict verdict = Verdict::ok;
  std::string expected;          // "p/q" (hand) or certified digits (exact)
  std::string expected_printed;  // as the stated number would print it
  Match against_correct = Match::no;  // whether the stated value matches the correct one
  // Whether it matches the step recomputed from its stated operands (L), proven by operand
  // values within their ranges; no where not judged (a cell that matches the correct value).
  Match against_recomputed = Match::no;
  Downstream downstream = Downstream::none;  // errata only
  // carried: indices into CaseAudit::errata of the errata it follows from, through the cells
  // it reads (and the carried cells they read); root is the first of them.
  std::vector<std::size_t> follows_from;
  long root = -1;
  std::vector<Slip> slips;  // errata: the known slips that reproduce the stated value
  bool slips_searched = true;  // errata: false when the slip search's work budget ran out first
};

// How the errata of a step were corrected to judge `downstream`: each alone, or, when a sheet
// has so many that judging each alone would take too long, with the rest of their column or step.
enum class DownstreamScope { cell, column, step };
std::string_view to_string(DownstreamScope s);

struct StepAudit {
  std::size_t item = 0;
  Matrix<std::optional<Literal>> stated;  // resolved to the step's shape
  std::vector<CellAudit> cells;           // the stated cells, row by row
  DownstreamScope downstream_scope = DownstreamScope::cell;
};

struct ErratumRef {
  std::size_t step;  // index into CaseAudit::steps
  std::size_t cell;  // index into StepAudit::cells
};

// Whether two pipelines' largest entries are the same; undecided where an argmax is not known.
enum class Agreement { same, differs, undecided };
std::string_view to_string(Agreement a);

// For a probability matrix: one column (or row) compared across the pipelines.
struct ProbabilityLine {
  std::string label;                     // q1, or column 1
  std::vector<std::string> hand_argmax;  // labels of the largest entries (several: a tie)
  std::vector<std::string> exact_argmax; // several: a tie, or values no precision separates
  bool hand_undecided = false;           // some of hand_argmax may not be the largest
  bool exact_undecided = false;          // some of exact_argmax may not be the largest
  Agreement argmax = Agreement::same;
  std::string total_variation;           // certified
};

struct Approximation {
  std::size_t item = 0;
  std::string max_abs_diff, max_rel_diff;  // certified, 6 significant digits
  std::size_t abs_row = 0, abs_col = 0, rel_row = 0, rel_col = 0;
  bool by_columns = true;  // probability lines are columns (else rows)
  std::vector<ProbabilityLine> probability;
};

struct AuditOptions {
  PipelineOptions pipeline;
  LoadLimits load;
  int digits = 0;  // overrides the case's digits when > 0
  std::size_t max_slip_work = kDefaultSlipWork;  // the slip search's budget (see SlipBudget)
  bool compare_pipelines = true;  // false: no CaseAudit::approximation (an output that shows none)
};

struct CaseAudit {
  enum class Status { clean, errata, error };
  std::string file;
  std::string title;
  Status status = Status::clean;
  std::optional<Error> error;

  std::shared_ptr<const Case> kase;
  std::optional<HandRun> hand;
  std::optional<ExactRun> exact;
  std::vector<StepAudit> steps;
  std::vector<ErratumRef> errata;
  std::vector<Approximation> approximation;

  std::size_t stated = 0, ok = 0, erratum = 0, carried = 0, undecided = 0;
  std::size_t slips_unsearched = 0;  // errata not searched for slips (AuditWork::slip_cells)
  // Undecided only because splitting the ranges of their stated operands ran out of work: a
  // higher precision would not decide them.
  std::size_t undecided_over_box = 0;
  // Cells not ok whose correct value the working precision cannot write as the stated number
  // is written ("should be 0.1234" for 0.12345 - 1.4e-61): a higher precision settles them.
  std::size_t unsettled_texts = 0;

  const CellAudit& cell(const ErratumRef& r) const { return steps[r.step].cells[r.cell]; }
};

CaseAudit audit_case(std::shared_ptr<const Case> c, const AuditOptions& options = {});

// Stated values given from outside the case file (a student's sheet), per item: a matrix of
// the step's shape, nullopt for a blank cell. An item with an entry is audited from it alone.
using StatedValues = std::vector<std::optional<Matrix<std::optional<Literal>>>>;

// The verdicts of stated values against pipelines already run, so that many sheets share one
// run. Fills steps, errata, the cell counts and the status, and leaves kase, hand, exact and
// approximation empty. While a comparison stays undecided below the precision cap, both
// pipelines are run again at twice the precision; `raised` (when given) receives those runs.
// Throws Error when a raised run fails.
//
// `work` bounds what is done beyond the verdicts, for callers that need less (grading): without
// `downstream`, errata keep Downstream::none; past `slip_cells` erratum cells (in audit order)
// the slip search stops, and CaseAudit::slips_unsearched counts the errata left without it.
// `slip_work` bounds the slip search of the errata (see SlipBudget). Without `texts`, cells get
// no label, source place or expected values (the verdicts need none of them).
//
// `recomputed`: a store, shared by many audits of one case (a class of sheets), of each step
// recomputed from its stated operands (L of DESIGN §5). That value depends on nothing but the
// stated cells of the items the step's expression names, at the pipelines' own precision; the
// store names that content by a key. It is used at the pipelines' precision only, never after
// a raise.
struct Recomputed {
  virtual ~Recomputed() = default;
  // A key that differs whenever a stated cell of an item that `item` reads differs (value,
  // blank or not), or "" to recompute it.
  virtual std::string key(std::size_t item) const = 0;
  virtual std::shared_ptr<const std::optional<Matrix<Real>>> find(const std::string& key) const = 0;
  virtual void add(std::string key, std::shared_ptr<const std::optional<Matrix<Real>>> value) const = 0;
};
struct AuditWork {
  bool downstream = true;
  bool texts = true;
  const Recomputed* recomputed = nullptr;
  std::size_t slip_cells = static_cast<std::size_t>(-1);
  std::size_t slip_work = kDefaultSlipWork;
};
CaseAudit audit_stated(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated = {},
                       const PipelineOptions& options = {},
                       std::optional<std::pair<HandRun, ExactRun>>* raised = nullptr, const AuditWork& work = {});

// Loads, evaluates and audits; a case that cannot be read or evaluated gives status error.
CaseAudit audit_file(const std::string& path, const AuditOptions& options = {});

}  // namespace handcheck
