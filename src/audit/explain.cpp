#include "handcheck/audit/explain.hpp"

#include <fmt/format.h>
#include <optional>
#include <string_view>

#include "handcheck/detail/text.hpp"
#include "handcheck/eval/pipeline.hpp"
#include "handcheck/printable.hpp"
#include "working.hpp"

namespace handcheck {

namespace {

// A product or sum of more terms than this is summarised in one line.
constexpr std::size_t kMaxTerms = 256;

struct CellRef {
  std::size_t item, row, col;
};

// The cell as written: NAME[r,c] or LABEL[i], blanks allowed around each part. Read by hand:
// the text comes from the command line and may be of any length.
struct CellSpec {
  std::string name;
  std::vector<std::size_t> indices;  // 1-based
};

using detail::shortened;

std::optional<CellSpec> read_cell_spec(const std::string& file, std::string_view s) {
  constexpr std::size_t kLongestName = 64, kLongestIndex = 6;
  std::size_t i = 0;
  auto blanks = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  };
  auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  CellSpec spec;
  blanks();
  std::size_t start = i;
  if (i >= s.size() || !letter(s[i])) return std::nullopt;
  while (i < s.size() && (letter(s[i]) || digit(s[i]))) ++i;
  if (i - start > kLongestName)
    throw Error(ErrorId::cli_cell, {file, 0, 0}, fmt::format("'{}' is not a cell: a name has at most {} characters",
                                          shortened(std::string(s)), kLongestName));
  spec.name = std::string(s.substr(start, i - start));
  blanks();
  if (i >= s.size() || s[i] != '[') return std::nullopt;
  do {
    ++i;
    blanks();
    std::size_t first = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i == first) return std::nullopt;
    std::string_view d = s.substr(first, i - first);
    d.remove_prefix(std::min(d.find_first_not_of('0'), d.size()));
    if (d.empty() || d.size() > kLongestIndex)
      throw Error(ErrorId::cli_cell, {file, 0, 0},
                  fmt::format("'{}' is not a cell: rows and columns count from 1 and are at most {}",
                              shortened(std::string(s)), std::string(kLongestIndex, '9')));
    std::size_t v = 0;
    for (char c : d) v = v * 10 + static_cast<std::size_t>(c - '0');
    spec.indices.push_back(v);
    blanks();
  } while (i < s.size() && s[i] == ',' && spec.indices.size() < 2);
  if (i >= s.size() || s[i] != ']') return std::nullopt;
  ++i;
  blanks();
  if (i != s.size()) return std::nullopt;
  return spec;
}

// The shape of an item's value in either pipeline, if it has one.
std::optional<Shape> shape_of(const CaseAudit& a, std::size_t i) {
  if (a.hand && a.hand->values[i]) return a.hand->values[i]->shape();
  if (a.exact && a.exact->values[i]) return a.exact->values[i]->shape();
  return std::nullopt;
}

CellRef parse_cell(const CaseAudit& a, const std::string& text) {
  const Case& c = *a.kase;
  auto spec = read_cell_spec(c.file, text);
  if (!spec)
    throw Error(ErrorId::cli_cell, {c.file, 0, 0},
                fmt::format("'{}' is not a cell: write NAME[row,col] (Q[3,2]) or LABEL[i] (q2[3])", shortened(text)));
  if (spec->indices.size() == 2) {
    long i = c.find(spec->name);
    if (i < 0)
      throw Error(ErrorId::cli_cell, {c.file, 0, 0}, fmt::format("no input or step is named '{}'", spec->name));
    return {static_cast<std::size_t>(i), spec->indices[0], spec->indices[1]};
  }
  {
    const std::string& label = spec->name;
    std::size_t k = spec->indices[0];
    // Every item with a column or row of that name: several matrices may name their vectors
    // alike (the features of an input and of the steps that keep them).
    std::vector<CellRef> named, found;  // found: those with an entry k
    std::vector<std::string> where;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const Item& item = c.items[i];
      auto shape = shape_of(a, i);
      if (!shape) continue;
      CellRef ref{i, 0, 0};
      std::size_t length = 0;
      if (long col = item.columns.find(label, shape->cols); col >= 0) {
        ref = {i, k, static_cast<std::size_t>(col) + 1};
        length = shape->rows;
      } else if (long row = item.rows.find(label, shape->rows); row >= 0) {
        ref = {i, static_cast<std::size_t>(row) + 1, k};
        length = shape->cols;
      } else {
        continue;
      }
      named.push_back(ref);
      if (k < 1 || k > length) continue;
      found.push_back(ref);
      where.push_back(fmt::format("{}[{},{}]", item.name, ref.row, ref.col));
    }
    if (found.size() == 1) return found[0];
    if (found.empty() && !named.empty()) return named[0];  // outside every one: the caller says so
    if (found.empty())
      throw Error(ErrorId::cli_cell, {c.file, 0, 0}, fmt::format("no column or row is named '{}'", label));
    std::string last = where.back();
    where.pop_back();
    throw Error(ErrorId::cli_cell, {c.file, 0, 0},
                fmt::format("'{}' is ambiguous: {} matrices name a column or row '{}'; write "
                            "STEP[r,c]: {} or {}",
                            shortened(text), found.size(), label, fmt::join(where, ", "), last));
  }
}

}  // namespace

CellExplanation explain_cell(const CaseAudit& a, const std::string& spec) {
  const Case& c = *a.kase;
  CellRef ref = parse_cell(a, spec);
  const Item& item = c.items[ref.item];
  std::optional<Shape> shape = shape_of(a, ref.item);
  if (!shape)
    throw Error(ErrorId::cli_no_value, {c.file, 0, 0},
                fmt::format("step {} has no value in either pipeline", item.name));
  if (ref.row < 1 || ref.col < 1 || ref.row > shape->rows || ref.col > shape->cols)
    throw Error(ErrorId::cli_cell, {c.file, 0, 0},
                fmt::format("{} is outside {}, which is {}", shortened(spec), item.name, shape->to_string()));
  CellExplanation e;
  e.step = item.name;
  e.row = ref.row - 1;
  e.col = ref.col - 1;
  e.label = item.cell_label(e.row, e.col);
  e.explain = item.explain;
  e.is_input = item.is_input;
  if (!item.is_input) {
    e.hand.expression = to_string(*item.hand->ast);
    e.exact.expression = to_string(*item.exact->ast);
  }
  // Both pipelines are worked the same way: fractions where exact, certified digits else.
  const int digits = item.digits;
  auto work = [&](const Run* run, const Expression* expression, PipelineWorking& out) {
    if (!run || !run->values[ref.item]) {
      out.unavailable = run && !run->missing[ref.item].empty() ? run->missing[ref.item] : "not computed";
      return;
    }
    with_precision(std::max(a.hand ? a.hand->digits10 : 0u, a.exact ? a.exact->digits10 : 0u), [&] {
      CellWorking w(c, run->values, [digits](const Real& x) { return describe(x, std::min(digits, 12)); }, kMaxTerms);
      if (!item.is_input) out.lines = w.lines(*expression->ast, e.row, e.col);
      out.value = describe((*run->values[ref.item])(e.row, e.col), digits);
    });
  };
  work(a.hand ? &*a.hand : nullptr, item.is_input ? nullptr : &*item.hand, e.hand);
  work(a.exact ? &*a.exact : nullptr, item.is_input ? nullptr : &*item.exact, e.exact);
  for (const auto& sa : a.steps)
    if (sa.item == ref.item)
      for (const auto& cell : sa.cells)
        if (cell.row == e.row && cell.col == e.col) e.audit = cell;
  return e;
}

std::string render_explanation(const CellExplanation& e) {
  // A cell of a step that names neither its columns nor its rows is labelled by its place.
  std::string place = fmt::format("{}[{},{}]", e.step, e.row + 1, e.col + 1);
  std::string out = fmt::format("{}{}{}\n", e.label, e.label == place ? "" : " = " + place, e.is_input ? " (given)" : "");
  if (!e.explain.empty()) out += fmt::format("  {}\n", e.explain);
  auto part = [&](const char* name, const PipelineWorking& w) {
    out += fmt::format("\n  {} pipeline{}\n", name, w.expression.empty() ? "" : ": " + e.step + " = " + w.expression);
    for (const auto& l : w.lines) out += fmt::format("    {}\n", l);
    if (!w.unavailable.empty()) out += fmt::format("    no value: {}\n", w.unavailable);
    else out += fmt::format("    {} = {}\n", e.label, w.value);
  };
  part("hand", e.hand);
  part("exact", e.exact);
  if (e.audit) {
    const CellAudit& c = *e.audit;
    out += fmt::format("\n  stated {}: {}", c.stated.text, to_string(c.verdict));
    if (c.verdict != Verdict::ok) out += fmt::format(" (expected {})", c.expected_printed);
    out += "\n";
    for (const auto& s : c.slips) out += fmt::format("    {} [{}]\n", s.text, s.tag);
  } else if (!e.is_input) {
    out += "\n  not stated on the worksheet\n";
  }
  // The explanation and the cell name come from outside: no control character reaches a terminal.
  return printable(out);
}

}  // namespace handcheck
