// What every answer-key format shows, gathered once from a CaseAudit: the values of each input
// and step in both pipelines, formatted; the stated cells with their verdicts; which cells each
// cell reads; how a cell is computed; the errata groups. Renderers (render/key_*) lay it out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"
#include "handcheck/audit/reads.hpp"

namespace handcheck {

struct KeyOptions {
  // Significant digits of exact values. 0: each step's printed decimals + 2, at least 6
  // significant digits (a step that prints no decimals: 6), never more than its certified digits.
  int digits = 0;
  // false: ItemView::cells stays empty (no text per cell); a writer formats each value with
  // append_value from ItemView::hand_values / exact_values and reads ItemView::marks.
  bool cells = true;
  // Digits of the exact rationals of both pipelines together, each written at least once: a
  // key of harmonic numbers H_1..H_50000 (from a 100-byte case) took 6 GB before its first line.
  std::size_t max_digits = 100'000'000;
};

}  // namespace handcheck

namespace handcheck::keys {

using handcheck::CellRef;

// What the worksheet prints in a cell, with its verdict.
struct StatedMark {
  bool blank = false;        // "?" or null on the sheet
  std::string text;          // as printed
  Verdict verdict = Verdict::ok;
  std::string expected;      // the correct value, printed like the stated one
  std::string expected_full; // "p/q" (hand) or certified digits (exact)
  Downstream downstream = Downstream::none;
};

// A stated or blank cell of a step, 0-based.
struct MarkedCell {
  std::size_t row = 0, col = 0;
  StatedMark mark;
};

struct CellView {
  std::string label;         // "q2[3]", as the audit names it
  std::string hand;          // "3/10"; "" when the hand pipeline stopped before this step
  std::string hand_decimal;  // "0.3", "0.214286…"; "" for an integer
  std::string exact;         // describe(x, digits); "" when the exact pipeline stopped
  std::string exact_short;   // 6 certified significant digits ("0.365189…") or the fraction
  int heat_hand = -1;        // floor(100 x value) clamped to [0, 100], probability steps only
  int heat_exact = -1;
  std::optional<StatedMark> stated;
  std::string how_hand, how_exact;  // how the cell is computed, one line per stage
  bool reads_all = false;           // reads every cell of its operands (or too many to list)
  std::vector<CellRef> reads;
};

struct ItemView {
  std::size_t index = 0;
  const Item* item = nullptr;
  std::string name;
  bool is_input = false;
  std::string hand_expr, exact_expr;  // canonical text; equal when written with `do:`
  bool same_expression = true;
  std::vector<std::size_t> operands;  // items it reads, first appearance first
  Shape shape;
  std::vector<std::string> row_labels, col_labels;  // "" where unnamed
  bool has_hand = false, has_exact = false;
  bool hand_rational = false;  // every hand value a fraction (a hand step may use exp: digits)
  const Matrix<Real>* hand_values = nullptr;   // the audit's, when has_hand
  const Matrix<Real>* exact_values = nullptr;  // the audit's, when has_exact
  bool hand_equals_exact = false;  // both known and every cell the same rational
  bool probability = false;        // a softmax-like step of CaseAudit::approximation
  bool by_columns = true;
  std::vector<std::string> approximation;  // hand versus exact, one line each
  int digits = 30;
  std::size_t stated = 0, ok = 0, erratum = 0, carried = 0, blank = 0;
  std::vector<MarkedCell> marks;  // row by row; also in cells(r, c).stated
  Matrix<CellView> cells;         // empty unless KeyOptions::cells
};

struct KeyView {
  const CaseAudit* audit = nullptr;
  std::string file, title, source;
  std::string follows;  // "hand" | "exact"
  int digits = 30;
  std::vector<ItemView> items;
  std::vector<ErratumGroup> errata;
  std::vector<std::string> notes;  // why a pipeline stopped early, uncertified digits
};

// Throws the audit's Error when the case could not be read or evaluated.
KeyView build_key_view(const CaseAudit& a, const KeyOptions& options = {});

// Appends the text of CellView::hand / CellView::exact for a value of a step shown at
// `digits` significant digits: "p/q" for a rational, certified digits for an enclosure.
void append_value(std::string& out, const Real& x, int digits);

// The texts append_value writes for every cell of one step, made for the whole step at once:
// an integer of many digits that recurs (3^k down the columns of a hand step, the denominator
// the cells of a column share) is converted once, and the conversions of a large step run on
// `threads` threads (0: one per hardware thread). The conversions of a large key's fractions
// to decimal are most of its time. Keeps pointers into `values`, which must outlive it.
class StepTexts {
 public:
  StepTexts(const Matrix<Real>& values, int digits, unsigned threads = 0);
  // Appends the text of one cell; true when it may hold characters other than the digits,
  // '-' and '/' of a fraction (the certified digits of an enclosure).
  bool append(std::string& out, std::size_t row, std::size_t col) const;

 private:
  // Index into texts_ of a converted part; kInline: converted as it is appended (few digits).
  static constexpr std::uint32_t kInline = UINT32_MAX;
  struct Cell {
    std::uint32_t numerator = kInline, denominator = kInline;  // exact: its parts
    std::uint32_t text = kInline;                              // an enclosure: its digits
  };
  const Matrix<Real>& values_;
  Matrix<Cell> cells_;
  std::vector<std::string> texts_;
};

// "S[1,2]", "C[3]" for a vector, "dk" for a scalar (1-based, for people).
std::string cell_name(const ItemView& v, std::size_t row, std::size_t col);
// Header of column / row i: its name, else its 1-based index.
std::string col_header(const ItemView& v, std::size_t i);
std::string row_header(const ItemView& v, std::size_t i);

}  // namespace handcheck::keys
