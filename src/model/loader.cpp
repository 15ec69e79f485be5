#include "handcheck/model/loader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "handcheck/expr/parser.hpp"
#include "handcheck/numbers/allocation.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/suggest.hpp"

namespace handcheck {

namespace {

bool is_valid_name(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  auto start = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!start(s[0])) return false;
  for (char c : s)
    if (!start(c) && !(c >= '0' && c <= '9')) return false;
  return true;
}

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best = closest(name, candidates, std::max<std::size_t>(1, name.size() / 3));
  return best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best);
}

class Loader {
 public:
  Loader(std::string file, const LoadLimits& limits) : file_(std::move(file)), limits_(limits) {}

  Case load(const std::string& raw) {
    if (raw.size() > limits_.max_file_bytes)
      throw Error(ErrorId::limit_file_size, {file_, 1, 1}, fmt::format("file of {} bytes is larger than the limit of {} bytes (raise it with "
                                             "--max-file-size)", raw.size(), limits_.max_file_bytes));
    // A byte order mark may start the file; the columns count from after it, as editors show them.
    std::string_view text = raw;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    scan(text);
    YAML::Node doc;
    std::vector<YAML::Mark> starts;
    try {
      doc = YAML::Load(std::string(text));
      starts = document_starts(text, 3);
    } catch (const YAML::DeepRecursion& e) {
      throw Error(ErrorId::limit_nesting, mark_loc(e.mark), "YAML nested too deeply for the YAML reader");
    } catch (const YAML::Exception& e) {
      if (auto tab = indenting_tab(text, e.mark))
        throw Error(ErrorId::load_tab, *tab, "a tab indents this line; YAML indents with spaces only");
      throw Error(ErrorId::load_yaml_syntax, mark_loc(e.mark), fmt::format("YAML syntax error: {}", e.msg));
    }
    // yaml-cpp stops at some stray characters (a ',' or ']' at the start of a line) and starts
    // one empty document after another there, without end: a place it cannot get past.
    if (starts.size() == 3 && starts[1].pos == starts[2].pos) {
      auto at = static_cast<std::size_t>(starts[1].pos);
      std::string what = at < text.size() ? fmt::format("'{}'", text[at]) : "end of file";
      throw Error(ErrorId::load_yaml_syntax, mark_loc(starts[1]), fmt::format("YAML syntax error: unexpected {}", what));
    }
    if (starts.size() > 1)
      throw Error(ErrorId::load_second_document, second_document(text, starts[1]), "a second YAML document: a case file holds one case");
    try {
      return read_case(doc);
    } catch (const YAML::Exception& e) {
      throw Error(ErrorId::load_yaml_syntax, mark_loc(e.mark), fmt::format("cannot read this YAML: {}", e.msg));
    }
  }

 private:
  SourceLoc mark_loc(const YAML::Mark& m) const {
    if (m.is_null()) return {file_, 1, 1};
    return {file_, static_cast<std::size_t>(m.line) + 1, static_cast<std::size_t>(m.column) + 1};
  }
  SourceLoc loc(const YAML::Node& n) const { return mark_loc(n.Mark()); }
  [[noreturn]] void fail(ErrorId id, const YAML::Node& n, const std::string& message) const {
    throw Error(id, loc(n), message);
  }

  SourceLoc offset_loc(std::string_view text, std::size_t offset) const {
    SourceLoc l{file_, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++l.line;
        l.column = 1;
      } else {
        ++l.column;
      }
    }
    return l;
  }

  // What YAML reading must not see: bytes that are not UTF-8 text, and brackets nested deeper
  // than the limit (yaml-cpp recurses on them).
  void scan(std::string_view text) const {
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
      throw Error(ErrorId::load_encoding, {file_, 1, 1}, "the file is UTF-16 or UTF-32 (it starts with a byte order mark); save it as UTF-8");
    // Every byte, comments included: what looks like a comment may be the text of a block
    // scalar (`explain: |` then `  a # b`), and the whole file is UTF-8 text for YAML anyway.
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) {
        std::size_t n = utf8_length(text, i);
        if (n == 0)
          throw Error(ErrorId::load_encoding, offset_loc(text, i), fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", c));
        if (text.substr(i, 3) == "\xEF\xBB\xBF")
          throw Error(ErrorId::load_encoding, offset_loc(text, i), "a byte order mark (U+FEFF) in the middle of the file");
        i += n - 1;
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        throw Error(ErrorId::load_control_character, offset_loc(text, i), fmt::format("control character U+{:04X}: not a YAML text file", c));
      }
    }
    // Brackets, outside quoted strings and comments.
    std::size_t depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (quote) {
        if (c == '\\' && quote == '"') ++i;
        else if (c == '\'' && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
        else if (c == static_cast<unsigned char>(quote)) quote = 0;
        continue;
      }
      char prev = i == 0 ? '\n' : text[i - 1];
      bool after_blank = prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r';
      if (c == '#' && after_blank) {
        while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      } else if ((c == '"' || c == '\'') && (after_blank || prev == '[' || prev == '{' || prev == ',')) {
        quote = static_cast<char>(c);
      } else if (c == '[' || c == '{') {
        if (++depth > limits_.expression.max_depth)
          throw Error(ErrorId::limit_nesting, offset_loc(text, i), fmt::format("YAML nested too deeply (more than {} levels of brackets; raise "
                                                       "the limit with --max-depth)", limits_.expression.max_depth));
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
    }
  }

  // Where the first `most` YAML documents of the text start (yaml-cpp's parser, no nodes built).
  static std::vector<YAML::Mark> document_starts(std::string_view text, std::size_t most) {
    struct Starts : YAML::EventHandler {
      std::vector<YAML::Mark> marks;
      void OnDocumentStart(const YAML::Mark& m) override { marks.push_back(m); }
      void OnDocumentEnd() override {}
      void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
      void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
      void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
      void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
      void OnSequenceEnd() override {}
      void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
      void OnMapEnd() override {}
    } starts;
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    while (starts.marks.size() < most && parser.HandleNextDocument(starts)) {
    }
    return starts.marks;
  }

  // The '---' line that starts the second document: the last one before its first node.
  SourceLoc second_document(std::string_view text, const YAML::Mark& m) const {
    std::size_t last = m.is_null() ? std::string_view::npos : static_cast<std::size_t>(m.line) + 1;
    SourceLoc found{file_, 1, 1};
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size() && line <= last; ++line) {
      std::size_t end = std::min(text.find('\n', i), text.size());
      if (text.substr(i, 3) == "---") found.line = line;
      i = end + 1;
    }
    return found;
  }

  // yaml-cpp reports a tab in indentation as some other syntax error further on: find the
  // first line up to the error whose indentation has a tab, outside quoted and block text.
  std::optional<SourceLoc> indenting_tab(std::string_view text, const YAML::Mark& m) const {
    std::size_t line = 1, last = m.is_null() ? 0 : static_cast<std::size_t>(m.line) + 1;
    for (std::size_t i = 0; i < text.size() && line <= last; ++line) {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::size_t j = i;
      while (j < end && text[j] == ' ') ++j;
      if (j < end && text[j] == '\t') {
        std::size_t k = j;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
        if (k < end && text[k] != '#' && text[k] != '\r') return SourceLoc{file_, line, j - i + 1};
      }
      i = end + 1;
    }
    return std::nullopt;
  }

  std::string in_step() const { return step_.empty() ? "" : fmt::format("step {}: ", step_); }

  // The entries of a map, in order, refusing duplicate and unknown keys.
  std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map,
                                                         const std::vector<std::string>& allowed,
                                                         const std::string& what) const {
    if (!map.IsMap()) fail(ErrorId::load_wrong_type, map, fmt::format("{}{} must be a mapping of keys to values", in_step(), what));
    std::vector<std::pair<YAML::Node, YAML::Node>> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      YAML::Node key = it->first;
      if (!key.IsScalar()) fail(ErrorId::load_wrong_type, key, fmt::format("{}keys of {} must be plain names", in_step(), what));
      const std::string& k = key.Scalar();
      if (!seen.insert(k).second) fail(ErrorId::load_duplicate_key, key, fmt::format("{}duplicate key '{}' in {}", in_step(), shortened(k), what));
      if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), k) == allowed.end())
        fail(ErrorId::load_unknown_key, key, fmt::format("{}unknown key '{}' in {}{}", in_step(), shortened(k), what,
                             k.size() > 64 ? "" : did_you_mean(k, allowed)));
      out.emplace_back(key, it->second);
    }
    return out;
  }

  std::string scalar(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a single value", in_step(), what));
    return n.Scalar();
  }

  int read_digits(const YAML::Node& n) const {
    std::string s = scalar(n, "digits");
    try {
      Literal l = parse_literal(s);
      if (!is_integer(l.value) || l.value < 1 || l.value > limits_.max_digits) throw DomainError(ErrorId::load_bad_value, "");
      return static_cast<int>(boost::multiprecision::numerator(l.value).convert_to<long>());
    } catch (const DomainError&) {
      fail(ErrorId::load_bad_value, n, fmt::format("{}digits must be a whole number from 1 to {}, not '{}'", in_step(), limits_.max_digits, s));
    }
  }

  Follows read_follows(const YAML::Node& n) const {
    std::string s = scalar(n, "follows");
    if (s == "hand") return Follows::hand;
    if (s == "exact") return Follows::exact;
    fail(ErrorId::load_bad_value, n, fmt::format("{}follows must be 'hand' or 'exact', not '{}'", in_step(), s));
  }

  CompareMode read_compare(const YAML::Node& n) const {
    std::string s = scalar(n, "compare");
    try {
      return parse_compare_mode(s);
    } catch (const DomainError& e) {
      fail(e.id(), n, in_step() + e.what());
    }
  }

  Labels read_labels(const YAML::Node& n, const std::string& what) const {
    Labels l;
    l.loc = loc(n);
    if (n.IsScalar()) {
      l.prefix = n.Scalar();
      if (!is_valid_name(l.prefix))
        fail(ErrorId::load_bad_name, n, fmt::format("{}{} prefix '{}' is not a valid name{}", in_step(), what, shortened(l.prefix),
                            l.prefix.find_first_of(", ") != std::string::npos ? " (a list of names is written [a, b])" : ""));
      return l;
    }
    if (!n.IsSequence()) fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a prefix (like q) or a list of names", in_step(), what));
    std::set<std::string> seen;
    for (const auto& e : n) {
      std::string name = scalar(e, what);
      if (!is_valid_name(name)) fail(ErrorId::load_bad_name, e, fmt::format("{}'{}' is not a valid name for {}", in_step(), shortened(name), what));
      if (!seen.insert(name).second) fail(ErrorId::load_duplicate_name, e, fmt::format("{}'{}' is named twice in {}", in_step(), name, what));
      l.names.push_back(name);
    }
    return l;
  }

  Literal number(const YAML::Node& n, const std::string& what) const {
    if (!n.IsScalar()) fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a number", in_step(), what));
    try {
      return parse_literal(n.Scalar(), limits_.number);
    } catch (const DomainError& e) {
      fail(e.id(), n, fmt::format("{}{}: {}", in_step(), what, e.what()));
    }
  }

  // A matrix: a list of rows, a single row (a flat list) or a single number.
  template <class Cell, class ReadCell>
  std::vector<std::vector<Cell>> grid(const YAML::Node& n, const std::string& what, ReadCell read) const {
    std::vector<std::vector<Cell>> rows;
    if (n.IsScalar() || n.IsNull()) {
      count_cells(n, what, 1, 1);
      rows.push_back({read(n)});
      return rows;
    }
    if (!n.IsSequence() || n.size() == 0)
      fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a number or a non-empty list of rows", in_step(), what));
    bool nested = n[0].IsSequence();
    if (!nested) {
      count_cells(n, what, n.size(), n.size());
      rows.emplace_back();
      for (const auto& e : n) {
        if (e.IsSequence()) fail(ErrorId::load_wrong_type, e, fmt::format("{}{}: mixes numbers and rows", in_step(), what));
        rows[0].push_back(read(e));
      }
      return rows;
    }
    std::size_t cells = 0;
    for (const auto& r : n) {
      if (!r.IsSequence()) fail(ErrorId::load_wrong_type, r, fmt::format("{}{}: every row must be a list", in_step(), what));
      if (r.size() == 0) fail(ErrorId::load_shape, r, fmt::format("{}{}: empty row", in_step(), what));
      if (!rows.empty() && r.size() != rows[0].size())
        fail(ErrorId::load_shape, r, fmt::format("{}{}: row {} has {} entries, row 1 has {}", in_step(), what, rows.size() + 1,
                            r.size(), rows[0].size()));
      cells += r.size();
      count_cells(r, what, cells, r.size());
      rows.emplace_back();
      for (const auto& e : r) rows.back().push_back(read(e));
    }
    return rows;
  }

  // One matrix of `cells` cells so far, `added` of them new: within the limit for one matrix
  // and, with every other input and stated matrix, for the case.
  void count_cells(const YAML::Node& at, const std::string& what, std::size_t cells, std::size_t added) const {
    total_cells_ += added;
    if (cells > limits_.max_cells)
      fail(ErrorId::limit_cells, at, fmt::format("{}{}: more than {} cells (raise the limit with --max-cells)", in_step(), what,
                           limits_.max_cells));
    if (total_cells_ > limits_.max_cells)
      fail(ErrorId::limit_cells, at, fmt::format("{}{}: the inputs and stated values of this case have more than {} cells together "
                           "(raise the limit with --max-cells)", in_step(), what, limits_.max_cells));
  }

  Matrix<Literal> literal_matrix(const YAML::Node& n, const std::string& what) const {
    auto rows = grid<Literal>(n, what, [&](const YAML::Node& e) {
      if (e.IsNull()) fail(ErrorId::load_missing, e, fmt::format("{}{}: a value is missing", in_step(), what));
      return number(e, what);
    });
    Matrix<Literal> m(rows.size(), rows[0].size());
    for (std::size_t r = 0; r < rows.size(); ++r)
      for (std::size_t c = 0; c < rows[r].size(); ++c) m(r, c) = std::move(rows[r][c]);
    return m;
  }

  StatedCell stated_cell(const YAML::Node& e) const {
    StatedCell cell;
    cell.loc = loc(e);
    if (e.IsNull() || (e.IsScalar() && e.Scalar() == "?")) return cell;
    cell.value = number(e, "stated value");
    return cell;
  }

  Stated read_stated(const YAML::Node& n) const {
    Stated s;
    s.loc = loc(n);
    if (n.IsMap()) {
      std::map<std::pair<std::size_t, std::size_t>, SourceLoc> cells;  // each cell once, however spelled
      for (const auto& [key, value] : entries(n, {}, "stated")) {
        const std::string& k = key.Scalar();
        if (auto cell = cell_key(key)) {
          if (!s.vectors.empty()) fail(ErrorId::load_stated, key, fmt::format("{}stated mixes cells \"r,c\" and named vectors", in_step()));
          s.form = Stated::Form::cells;
          auto [first, fresh] = cells.emplace(*cell, loc(key));
          if (!fresh)
            fail(ErrorId::load_stated, key, fmt::format("{}stated cell \"{}\" is cell {},{} again (first given at line {}, column {})",
                                  in_step(), shortened(k), cell->first, cell->second, first->second.line,
                                  first->second.column));
          s.cells.push_back({cell->first, cell->second, loc(key), stated_cell(value)});
        } else {
          if (!s.cells.empty()) fail(ErrorId::load_stated, key, fmt::format("{}stated mixes cells \"r,c\" and named vectors", in_step()));
          if (!is_valid_name(k))
            fail(ErrorId::load_stated, key, fmt::format("{}stated key \"{}\" is neither a cell \"r,c\" nor the name of a column or row",
                                  in_step(), shortened(k)));
          s.form = Stated::Form::vectors;
          if (value.IsMap()) fail(ErrorId::load_wrong_type, value, fmt::format("{}stated vector '{}' must be a list", in_step(), k));
          auto rows = grid<StatedCell>(value, "stated vector " + k, [&](const YAML::Node& e) { return stated_cell(e); });
          if (rows.size() != 1) fail(ErrorId::load_wrong_type, value, fmt::format("{}stated vector '{}' must be a flat list", in_step(), k));
          s.vectors.push_back({k, loc(key), std::move(rows[0])});
        }
      }
      return s;
    }
    s.form = Stated::Form::matrix;
    s.rows = grid<StatedCell>(n, "stated", [&](const YAML::Node& e) { return stated_cell(e); });
    return s;
  }

  // A stated key "r,c" (1-based; blanks around the numbers allowed) as (r, c); nullopt when
  // the key has another shape. Read by hand: a key may be as long as the file.
  std::optional<std::pair<std::size_t, std::size_t>> cell_key(const YAML::Node& key) const {
    std::string_view k = key.Scalar();
    auto blanks = [&](std::size_t i) {
      while (i < k.size() && (k[i] == ' ' || k[i] == '\t')) ++i;
      return i;
    };
    auto digits = [&](std::size_t i) {
      while (i < k.size() && k[i] >= '0' && k[i] <= '9') ++i;
      return i;
    };
    std::size_t r0 = blanks(0), r1 = digits(r0), comma = blanks(r1);
    if (r1 == r0 || comma >= k.size() || k[comma] != ',') return std::nullopt;
    std::size_t c0 = blanks(comma + 1), c1 = digits(c0);
    if (c1 == c0 || blanks(c1) != k.size()) return std::nullopt;
    auto number = [&](std::string_view d) -> std::size_t {
      d.remove_prefix(std::min(d.find_first_not_of('0'), d.size()));
      if (d.empty() || d.size() > 6)
        fail(ErrorId::load_stated, key, fmt::format("{}stated cell \"{}\": rows and columns count from 1 and are at most 999999",
                              in_step(), shortened(std::string(k))));
      std::size_t v = 0;
      for (char ch : d) v = v * 10 + static_cast<std::size_t>(ch - '0');
      return v;
    };
    return std::make_pair(number(k.substr(r0, r1 - r0)), number(k.substr(c0, c1 - c0)));
  }

  // A key or a value quoted in a message: long ones cut, so that a message stays a line.
  static std::string shortened(const std::string& s) {
    constexpr std::size_t kMost = 40;
    if (s.size() <= kMost) return s;
    std::size_t cut = kMost;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // whole characters
    return fmt::format("{}… ({} bytes)", s.substr(0, cut), s.size());
  }

  Expression expression(const YAML::Node& n, const std::string& key, const Case& c, std::size_t self) const {
    Expression e;
    e.text = scalar(n, key);
    e.loc = loc(n);
    const std::string& tag = n.Tag();
    // Quoted scalars start one column after their mark; block scalars span lines.
    if (tag == "!") e.loc.column += 1;
    e.single_line = e.text.find('\n') == std::string::npos;
    try {
      e.ast = parse_expression(e.text, limits_.expression);
    } catch (const ParseError& err) {
      throw Error(err.id(), e.at(err.pos), fmt::format("{}in '{}': {}", in_step(), key, err.what()));
    }
    check_expression(*e.ast, e, key, c, self);
    return e;
  }

  // Names defined before use, functions known, arity right.
  void check_expression(const Expr& x, const Expression& e, const std::string& key, const Case& c,
                        std::size_t self) const {
    if (x.kind == Expr::Kind::name) {
      if (x.name == step_)
        throw Error(ErrorId::load_self_reference, e.at(x.pos), fmt::format("{}in '{}': '{}' refers to the step itself", in_step(), key, x.name));
      long i = c.find(x.name);
      if (i >= 0 && static_cast<std::size_t>(i) < self) return;
      if (static_cast<std::size_t>(i) == self)
        throw Error(ErrorId::load_self_reference, e.at(x.pos), fmt::format("{}in '{}': '{}' refers to the step itself", in_step(), key, x.name));
      auto later = pending_.find(x.name);
      if (later != pending_.end())
        throw Error(ErrorId::load_forward_reference, e.at(x.pos), fmt::format("{}in '{}': '{}' is defined later (line {}); a step may use only "
                                             "inputs and earlier steps", in_step(), key, x.name, later->second));
      std::vector<std::string> known;
      for (std::size_t k = 0; k < self; ++k) known.push_back(c.items[k].name);
      if (find_op(x.name))
        throw Error(ErrorId::load_not_a_value, e.at(x.pos), fmt::format("{}in '{}': '{}' is a function; call it as {}(...)", in_step(), key, x.name, x.name));
      throw Error(ErrorId::load_unknown_name, e.at(x.pos), fmt::format("{}in '{}': unknown name '{}'{}", in_step(), key, x.name, did_you_mean(x.name, known)));
    }
    if (x.kind == Expr::Kind::call) {
      const OpSpec* op = find_op(x.name);
      if (!op) {
        std::string near = closest_op(x.name);
        throw Error(ErrorId::load_unknown_function, e.at(x.pos), fmt::format("{}in '{}': unknown function '{}'{}", in_step(), key, x.name,
                                             near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
      }
      if (x.args.size() < op->min_args || x.args.size() > op->max_args)
        throw Error(ErrorId::load_arity, e.at(x.pos), fmt::format("{}in '{}': {} takes {}, not {} argument{}", in_step(), key, x.name,
                                             op->signature, x.args.size(), x.args.size() == 1 ? "" : "s"));
    }
    for (const auto& a : x.args) check_expression(*a, e, key, c, self);
  }

  void define(Case& c, const YAML::Node& key_node, const std::string& name) const {
    if (!is_valid_name(name))
      fail(ErrorId::load_bad_name, key_node, fmt::format("'{}' is not a valid name (letters, digits and _, not starting with a digit; at most "
                                 "64 characters)", shortened(name)));
    long prev = c.find(name);
    if (prev >= 0)
      fail(ErrorId::load_duplicate_name, key_node, fmt::format("'{}' is defined twice (first at line {})", name, c.items[static_cast<std::size_t>(prev)].loc.line));
  }

  Case read_case(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) throw Error(ErrorId::load_empty, {file_, 1, 1}, "empty case file: expected 'format: handcheck/1'");
    Case c;
    c.file = file_;
    auto top = entries(root, {"format", "title", "source", "follows", "compare", "digits", "inputs", "steps"}, "a case");
    YAML::Node format = root["format"];
    if (!format) fail(ErrorId::load_missing, root, "missing 'format: handcheck/1' at the top of the case");
    if (scalar(format, "format") != "handcheck/1")
      fail(ErrorId::load_format, format, fmt::format("unknown format '{}': this version reads 'handcheck/1'", format.Scalar()));
    if (root["title"]) c.title = scalar(root["title"], "title");
    if (root["source"]) c.source = scalar(root["source"], "source");
    if (root["follows"]) c.follows = read_follows(root["follows"]);
    if (root["compare"]) c.compare = read_compare(root["compare"]);
    if (root["digits"]) c.digits = read_digits(root["digits"]);

    YAML::Node inputs = root["inputs"], steps = root["steps"];
    if (!steps) fail(ErrorId::load_missing, root, "missing 'steps': a case needs at least one step");
    if (!steps.IsSequence() || steps.size() == 0) fail(ErrorId::load_wrong_type, steps, "'steps' must be a non-empty list of steps");

    // Names of steps, to tell a forward reference from an unknown name.
    for (const auto& s : steps)
      if (s.IsMap() && s["name"] && s["name"].IsScalar())
        pending_.emplace(s["name"].Scalar(), static_cast<std::size_t>(s["name"].Mark().line) + 1);

    if (inputs) {
      for (const auto& [key, value] : entries(inputs, {}, "inputs")) {
        Item item;
        item.is_input = true;
        item.name = key.Scalar();
        item.loc = loc(key);
        step_ = item.name;
        define(c, key, item.name);
        item.follows = c.follows;
        item.compare = c.compare;
        item.digits = c.digits;
        if (value.IsMap()) {
          auto keys = entries(value, {"value", "columns", "rows", "explain"}, "input " + item.name);
          if (!value["value"]) fail(ErrorId::load_missing, value, fmt::format("input {}: missing 'value'", item.name));
          item.value = literal_matrix(value["value"], "input " + item.name);
          if (value["columns"]) item.columns = read_labels(value["columns"], "columns");
          if (value["rows"]) item.rows = read_labels(value["rows"], "rows");
          if (value["explain"]) item.explain = scalar(value["explain"], "explain");
        } else {
          item.value = literal_matrix(value, "input " + item.name);
        }
        check_label_count(item);
        c.items.push_back(std::move(item));
      }
    }
    for (const auto& s : steps) {
      step_.clear();
      if (!s.IsMap()) fail(ErrorId::load_wrong_type, s, "each step must be a mapping with at least 'name' and 'do'");
      if (!s["name"]) fail(ErrorId::load_missing, s, "a step needs a 'name'");
      Item item;
      item.name = scalar(s["name"], "name");
      item.loc = loc(s["name"]);
      define(c, s["name"], item.name);
      step_ = item.name;
      pending_.erase(item.name);
      entries(s, {"name", "do", "hand", "exact", "columns", "rows", "explain", "stated", "follows", "compare", "digits"},
              "step " + item.name);
      item.follows = s["follows"] ? read_follows(s["follows"]) : c.follows;
      item.compare = s["compare"] ? read_compare(s["compare"]) : c.compare;
      item.digits = s["digits"] ? read_digits(s["digits"]) : c.digits;
      std::size_t self = c.items.size();
      if (s["do"]) {
        if (s["hand"] || s["exact"]) fail(ErrorId::load_step_form, s["do"], fmt::format("step {}: give either 'do' or 'hand' and 'exact', not both", item.name));
        item.hand = expression(s["do"], "do", c, self);
        item.exact = item.hand;
        item.same_expression = true;
      } else if (s["hand"] && s["exact"]) {
        item.hand = expression(s["hand"], "hand", c, self);
        item.exact = expression(s["exact"], "exact", c, self);
      } else {
        fail(ErrorId::load_step_form, s, fmt::format("step {}: needs 'do', or both 'hand' and 'exact'", item.name));
      }
      if (s["columns"]) item.columns = read_labels(s["columns"], "columns");
      if (s["rows"]) item.rows = read_labels(s["rows"], "rows");
      if (s["explain"]) item.explain = scalar(s["explain"], "explain");
      if (s["stated"] && !s["stated"].IsNull()) item.stated = read_stated(s["stated"]);
      check_crossing_vectors(item);
      c.items.push_back(std::move(item));
    }
    return c;
  }

  // A stated column and a stated row meet in one cell, which both would give: the last would
  // silently win. Columns are found first, as the audit finds them.
  void check_crossing_vectors(const Item& item) const {
    if (!item.stated || item.stated->form != Stated::Form::vectors) return;
    const Stated::Vector* column = nullptr;
    std::size_t column_index = 0;
    for (const auto& v : item.stated->vectors)
      if (auto j = item.columns.index_of(v.label)) {
        column = &v;
        column_index = *j;
        break;
      }
    if (!column) return;
    for (const auto& v : item.stated->vectors) {
      if (item.columns.index_of(v.label)) continue;
      auto i = item.rows.index_of(v.label);
      if (!i || *i >= column->cells.size() || column_index >= v.cells.size()) continue;
      throw Error(ErrorId::load_stated, v.loc, fmt::format("step {}: stated row {} and column {} (line {}, column {}) both give cell {},{}; "
                                     "state a step by its columns or by its rows", item.name, v.label, column->label,
                                     column->loc.line, column->loc.column, *i + 1, column_index + 1));
    }
  }

  void check_label_count(const Item& item) const {
    if (item.columns.names.size() > 0 && item.columns.names.size() != item.value.cols())
      throw Error(ErrorId::load_shape, item.columns.loc, fmt::format("input {}: {} column names for {} columns", item.name,
                                                item.columns.names.size(), item.value.cols()));
    if (item.rows.names.size() > 0 && item.rows.names.size() != item.value.rows())
      throw Error(ErrorId::load_shape, item.rows.loc, fmt::format("input {}: {} row names for {} rows", item.name,
                                             item.rows.names.size(), item.value.rows()));
  }

  std::string file_;
  LoadLimits limits_;
  std::string step_;  // the input or step being read, for messages
  std::map<std::string, std::size_t> pending_;  // steps not yet read -> line
  mutable std::size_t total_cells_ = 0;         // of the inputs and stated matrices read so far
};

}  // namespace

CompareMode parse_compare_mode(const std::string& text) {
  CompareMode m;
  m.text = text;
  if (text == "printed") return m;
  if (text == "exact") {
    m.kind = CompareMode::Kind::exact;
    return m;
  }
  auto colon = text.find(':');
  std::string head = text.substr(0, colon), arg = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (head == "abs" || head == "rel") {
    m.kind = head == "abs" ? CompareMode::Kind::abs : CompareMode::Kind::rel;
    if (arg.empty()) throw DomainError(ErrorId::load_compare_mode, fmt::format("compare '{}' needs a tolerance, like {}:0.01", text, head));
    m.eps = parse_finite_literal(arg).value;
    if (m.eps < 0) throw DomainError(ErrorId::load_compare_mode, fmt::format("compare '{}': the tolerance must not be negative", text));
    return m;
  }
  if (head == "sigfig") {
    m.kind = CompareMode::Kind::sigfig;
    Literal n = parse_literal(arg.empty() ? "x" : arg);
    if (!is_integer(n.value) || n.value < 1 || n.value > 1000)
      throw DomainError(ErrorId::load_compare_mode, fmt::format("compare '{}': the number of figures must be a whole number from 1 to 1000", text));
    m.figures = static_cast<int>(boost::multiprecision::numerator(n.value).convert_to<long>());
    return m;
  }
  throw DomainError(ErrorId::load_compare_mode, fmt::format("unknown compare mode '{}' (printed, exact, abs:EPS, rel:EPS or sigfig:N)", text));
}

Case load_case_text(const std::string& text, const std::string& name, const LoadLimits& limits) {
  install_gmp_allocator();  // every use of the library starts with a case
  return Loader(name, limits).load(text);
}

Case load_case_file(const std::string& path, const LoadLimits& limits) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(ErrorId::io_directory, {path, 0, 0}, "cannot read the file: it is a directory");
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorId::io_open, {path, 0, 0}, fmt::format("cannot open the file: {}", std::strerror(errno)));
  // Read, not seek: a pipe or a device has no size, and may not end.
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > limits.max_file_bytes)
      throw Error(ErrorId::limit_file_size, {path, 1, 1}, fmt::format("file larger than the limit of {} bytes (raise it with --max-file-size)",
                                            limits.max_file_bytes));
  }
  if (in.bad()) throw Error(ErrorId::io_read, {path, 0, 0}, "cannot read the file");
  return load_case_text(text, path, limits);
}

}  // namespace handcheck
