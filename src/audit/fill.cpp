#include "handcheck/audit/fill.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "handcheck/audit/compare.hpp"
#include "handcheck/detail/text.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/model/printing.hpp"
#include "handcheck/printable.hpp"

namespace handcheck {

namespace {

// Digits the enclosure does not settle are not written: a guess (its midpoint) could be a
// number the value never rounds to (1.5 for floor(sqrt(2) * sqrt(2)), undecided at [1, 2]).
std::string fixed(const Real& x, int decimals) {
  if (x.is_exact()) return to_fixed_string(x.exact(), decimals);
  if (auto s = certified_fixed(x, decimals)) return *s;
  throw Undecided(fmt::format("its value is known only to lie in {}", describe(x, 6)));
}

std::string significant(const Real& x, int digits) {
  if (x.is_exact()) return to_significant_string(x.exact(), digits);
  if (auto s = certified_significant(x, digits)) return *s;
  throw Undecided(fmt::format("its value is known only to lie in {}", describe(x, 6)));
}

// How a cell is filled: as it is printed now when it is a decimal, or an integer or fraction
// the value still is; else as its step prints decimals; else exactly.
// The decimals that write q exactly (3/8 -> 3), or -1 when its decimals do not end.
int terminating_decimals(const Rational& q) {
  Integer d = boost::multiprecision::denominator(q);
  int twos = 0, fives = 0;
  while (d % 2 == 0) { d /= 2; ++twos; }
  while (d % 5 == 0) { d /= 5; ++fives; }
  return d == 1 ? std::max(twos, fives) : -1;
}

NumberFormat cell_format(const Item& item, int decimals, const std::optional<Literal>& now, const Real& value) {
  NumberFormat f;
  if (item.compare.kind == CompareMode::Kind::exact) {
    // Equal as rationals: a decimal stays one where the value ends within its digits or more.
    int wanted = now ? now->decimals : decimals;
    int exact = value.is_exact() ? terminating_decimals(value.exact()) : -1;
    if (wanted >= 0 && exact >= 0 && exact <= std::max(wanted, 30)) f.decimals = std::max(wanted, exact);
    return f;
  }
  if (item.compare.kind == CompareMode::Kind::sigfig) {
    f.significant = item.compare.figures;
    return f;
  }
  if (now && now->is_decimal()) {
    f.decimals = now->decimals;
    f.point = now->decimals == 0;  // "42." is a decimal, "42" an integer that must be equal
    return f;
  }
  if (now && value.is_exact() && (is_integer(value.exact()) || now->text.find('/') != std::string::npos)) return f;
  f.decimals = decimals;
  return f;
}

struct Token {
  std::size_t offset = 0, length = 0;
  std::string inner;  // without quotes
  char quote = 0;
};

class Source {
 public:
  explicit Source(const std::string& text) : text_(text) {
    // The loader counts columns of line 1 from after a byte order mark.
    starts_.push_back(text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }

  // The scalar that starts at `loc`, or nullopt when none does.
  std::optional<Token> token_at(const SourceLoc& loc) const {
    if (loc.line == 0 || loc.line > starts_.size() || loc.column == 0) return std::nullopt;
    std::size_t p = starts_[loc.line - 1] + loc.column - 1, n = text_.size();
    if (p >= n) return std::nullopt;
    Token t;
    t.offset = p;
    char q = text_[p];
    if (q == '"' || q == '\'') {
      std::size_t i = p + 1;
      for (;; ++i) {
        if (i >= n || text_[i] == '\n' || (q == '"' && text_[i] == '\\')) return std::nullopt;
        if (text_[i] != q) continue;
        if (q == '\'' && i + 1 < n && text_[i + 1] == '\'') return std::nullopt;
        break;
      }
      t.quote = q;
      t.length = i + 1 - p;
      t.inner = text_.substr(p + 1, i - p - 1);
      return t;
    }
    // A plain scalar ends at a flow indicator, a comment or the end of the line; a number
    // holds none of them.
    std::size_t i = p;
    while (i < n && std::string_view("\n\r,[]{}").find(text_[i]) == std::string_view::npos &&
           !(text_[i] == '#' && i > p && (text_[i - 1] == ' ' || text_[i - 1] == '\t')))
      ++i;
    while (i > p && (text_[i - 1] == ' ' || text_[i - 1] == '\t')) --i;
    if (i == p) return std::nullopt;
    t.length = i - p;
    t.inner = text_.substr(p, t.length);
    return t;
  }

 private:
  const std::string& text_;
  std::vector<std::size_t> starts_;
};

// The cell already holds this number, as printed (4.2e1 and 42. alike): nothing to rewrite.
bool same_number(const std::optional<Literal>& now, const std::string& text) {
  if (!now || now->is_infinite()) return false;
  std::string_view inner = text;
  if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'')) inner = inner.substr(1, inner.size() - 2);
  try {
    Literal l = parse_literal(inner);
    return !l.is_infinite() && l.value == now->value && l.decimals == now->decimals;
  } catch (const Exception&) {
    return false;
  }
}

bool is_blank_text(std::string_view s) {
  return s == "null" || s == "Null" || s == "NULL" || s == "~" || s == "?";
}

// A stated cell with its place in the step's matrix (0-based).
struct PlacedCell {
  const StatedCell* cell;
  std::size_t row, col;
};

std::vector<PlacedCell> placed_cells(const Item& item, Shape shape) {
  std::vector<PlacedCell> out;
  const Stated& st = *item.stated;
  switch (st.form) {
    case Stated::Form::matrix:
      for (std::size_t r = 0; r < st.rows.size(); ++r)
        for (std::size_t c = 0; c < st.rows[r].size(); ++c) out.push_back({&st.rows[r][c], r, c});
      break;
    case Stated::Form::vectors:
      for (const auto& v : st.vectors) {
        long col = item.columns.find(v.label, shape.cols), row = item.rows.find(v.label, shape.rows);
        for (std::size_t k = 0; k < v.cells.size(); ++k)
          if (col >= 0) out.push_back({&v.cells[k], k, static_cast<std::size_t>(col)});
          else out.push_back({&v.cells[k], static_cast<std::size_t>(row), k});
      }
      break;
    case Stated::Form::cells:
      for (const auto& c : st.cells) out.push_back({&c.cell, c.row - 1, c.col - 1});
      break;
  }
  return out;
}

// The text a stated cell is filled with; a value whose digits no precision decided stops fill.
std::string filled_text(const Item& item, const std::string& label, const StatedCell& cell, const Real& value,
                        int decimals) {
  try {
    NumberFormat format = cell_format(item, decimals, cell.value, value);
    std::string text = format_case_number(value, format);
    // What fill writes, check accepts: more decimals where the printed ones are too few for the
    // comparison (0.3 for 1/3 under abs:0.01 is 0.33), none where no decimal is accepted.
    std::string number = text.size() > 1 && text.front() == '"' ? text.substr(1, text.size() - 2) : text;
    if (value.is_infinite() || accepts(item.compare, number, value)) return text;
    if (format.decimals >= 0)
      if (auto more = accepted_fixed(item.compare, value, format.decimals)) return *more;
    throw Error(ErrorId::cli_fill, cell.loc,
                format.decimals >= 0
                    ? fmt::format("step {}: {} has no number of up to {} decimals that compare {} accepts ({}); it "
                                  "cannot be filled",
                                  item.name, label, format.decimals + 40, item.compare.text, describe(value, 6))
                    : fmt::format("step {}: compare {} accepts no number written for {}, which is known only by "
                                  "its certified digits ({}); it cannot be filled",
                                  item.name, item.compare.text, label, describe(value, 6)));
  } catch (const Undecided& e) {
    throw Error(ErrorId::cli_fill, cell.loc,
                fmt::format("step {}: {} is not decided at the precision the audit reached: {}; it cannot be filled",
                            item.name, label, e.what()));
  }
}

}  // namespace

std::string format_case_number(const Real& value, const NumberFormat& format) {
  if (value.is_infinite()) return value.infinity_sign() < 0 ? "-inf" : "inf";
  if (format.decimals >= 0) return fixed(value, format.decimals) + (format.decimals == 0 && format.point ? "." : "");
  if (format.significant > 0) return significant(value, format.significant);
  if (!value.is_exact()) return significant(value, 6);
  const Rational& q = value.exact();
  return is_integer(q) ? to_fraction_string(q) : "\"" + to_fraction_string(q) + "\"";
}

FillResult fill_case(const std::string& source, const CaseAudit& audit, const FillOptions& options) {
  if (audit.status == CaseAudit::Status::error) throw *audit.error;
  const Case& c = *audit.kase;
  Source src(source);
  FillResult result;
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input || !item.stated) continue;
    bool hand = item.follows == Follows::hand;
    const auto* hand_values = hand && audit.hand && audit.hand->values[i] ? &*audit.hand->values[i] : nullptr;
    const auto* exact_values = !hand && audit.exact && audit.exact->values[i] ? &*audit.exact->values[i] : nullptr;
    if (!hand_values && !exact_values)
      throw Error(ErrorId::cli_fill, item.loc,
                  fmt::format("step {}: the {} pipeline could not compute it ({}); its stated values "
                              "cannot be filled",
                              item.name, hand ? "hand" : "exact", (hand ? audit.hand : audit.exact)->missing[i]));
    Shape shape = hand_values ? hand_values->shape() : exact_values->shape();
    int decimals = printed_decimals(item);
    for (const PlacedCell& p : placed_cells(item, shape)) {
      const StatedCell& cell = *p.cell;
      if (options.blank_only && cell.value) continue;
      std::string label = item.cell_label(p.row, p.col);
      auto token = src.token_at(cell.loc);
      bool found = token && (cell.value ? std::string(detail::trim(token->inner)) == cell.value->text
                                        : is_blank_text(detail::trim(token->inner)));
      if (!found)
        throw Error(ErrorId::cli_fill, cell.loc,
                    fmt::format("step {}: cannot find the stated value of {} at its place; write it as a "
                                "number, null or \"?\"",
                                item.name, label));
      Real value = hand_values ? (*hand_values)(p.row, p.col) : (*exact_values)(p.row, p.col);
      // A number the comparison already accepts is right as written (0.37 for 0.375 printed,
      // 1.200e3 under sigfig:2): left alone, so that --dry-run passes a clean case.
      if (cell.value && matches(item.compare, *cell.value, value) == Match::yes) continue;
      std::string text = filled_text(item, label, cell, value, decimals);
      // Keep the quotes a number was written with ("?" needed them, a number does not); a
      // fraction comes quoted already.
      if (cell.value && token->quote == '\'' && text.front() == '"') text = "'" + text.substr(1, text.size() - 2) + "'";
      else if (cell.value && token->quote && text.front() != '"') text = token->quote + text + token->quote;
      std::string before = source.substr(token->offset, token->length);
      if (text == before || same_number(cell.value, text)) continue;
      result.edits.push_back({cell.loc, item.name, label, before, text, token->offset});
    }
  }
  std::sort(result.edits.begin(), result.edits.end(),
            [](const FillEdit& a, const FillEdit& b) { return a.offset < b.offset; });
  result.text = source;
  for (auto it = result.edits.rbegin(); it != result.edits.rend(); ++it)
    result.text.replace(it->offset, it->before.size(), it->after);
  if (!result.edits.empty()) {
    try {
      load_case_text(result.text, c.file, options.load);
    } catch (const Error& e) {
      throw Error(e.id(), e.where(), "the filled case would not load: " + e.message());
    }
  }
  return result;
}

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    std::size_t end = s.find('\n');
    end = end == std::string_view::npos ? s.size() : end + 1;
    out.push_back(s.substr(0, end));
    s.remove_prefix(end);
  }
  return out;
}

// A diff goes to a terminal: a case's line is shown as printable() shows it (escapes, bidi
// controls), its line ending as it is, so a diff of a clean file still applies.
void add_line(std::string& out, char mark, std::string_view line) {
  std::string_view ending;
  for (std::string_view e : {"\r\n", "\n"})
    if (line.size() >= e.size() && line.substr(line.size() - e.size()) == e) {
      ending = e;
      break;
    }
  out += mark;
  out += printable(line.substr(0, line.size() - ending.size()), false);
  out += ending;
  if (ending.empty()) out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(const std::string& before, const std::string& after, const std::string& name) {
  if (before == after) return "";
  auto a = split_lines(before), b = split_lines(after);
  std::string shown = printable(name, false);  // a file name: any bytes
  std::string out = fmt::format("--- {}\n+++ {}\n", shown, shown);
  if (a.size() != b.size()) {  // not an edit within lines: one hunk of everything
    out += fmt::format("@@ -1,{} +1,{} @@\n", a.size(), b.size());
    for (auto l : a) add_line(out, '-', l);
    for (auto l : b) add_line(out, '+', l);
    return out;
  }
  constexpr std::size_t context = 3;
  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) changed.push_back(i);
  for (std::size_t k = 0; k < changed.size();) {
    // A hunk: changes closer than twice the context share one.
    std::size_t first = changed[k], last = changed[k];
    while (k + 1 < changed.size() && changed[k + 1] - last <= 2 * context) last = changed[++k];
    ++k;
    std::size_t from = first >= context ? first - context : 0, to = std::min(a.size(), last + context + 1);
    out += fmt::format("@@ -{},{} +{},{} @@\n", from + 1, to - from, from + 1, to - from);
    for (std::size_t i = from; i < to;) {
      if (a[i] == b[i]) {
        add_line(out, ' ', a[i++]);
        continue;
      }
      std::size_t j = i;
      while (j < to && a[j] != b[j]) ++j;
      for (std::size_t m = i; m < j; ++m) add_line(out, '-', a[m]);
      for (std::size_t m = i; m < j; ++m) add_line(out, '+', b[m]);
      i = j;
    }
  }
  return out;
}

}  // namespace handcheck
