#include "stated_reader.hpp"

#include <map>
#include <optional>

namespace handcheck::case_yaml {

namespace {

StatedCell stated_cell(const NodeReader& in, const YAML::Node& e) {
  StatedCell cell;
  cell.loc = in.loc(e);
  if (e.IsNull() || (e.IsScalar() && e.Scalar() == "?")) return cell;
  cell.value = in.number(e, "stated value");
  return cell;
}

// A stated key "r,c" (1-based; blanks around the numbers allowed) as (r, c); nullopt when
// the key has another shape. Read by hand: a key may be as long as the file.
std::optional<std::pair<std::size_t, std::size_t>> cell_key(const NodeReader& in, const YAML::Node& key) {
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
      in.fail(ErrorId::load_stated, key,
              fmt::format("{}stated cell \"{}\": rows and columns count from 1 and are at most 999999", in.in_step(),
                          shortened(std::string(k))));
    std::size_t v = 0;
    for (char ch : d) v = v * 10 + static_cast<std::size_t>(ch - '0');
    return v;
  };
  return std::make_pair(number(k.substr(r0, r1 - r0)), number(k.substr(c0, c1 - c0)));
}

// Stated cells and vectors, one map: each cell once however spelled, one form or the other.
class StatedMap {
 public:
  StatedMap(const NodeReader& in, Stated& s) : in_(in), s_(s) {}

  void cell(const YAML::Node& key, const YAML::Node& value, std::pair<std::size_t, std::size_t> at) {
    const std::string& k = key.Scalar();
    if (!s_.vectors.empty()) mixed(key);
    s_.form = Stated::Form::cells;
    auto [first, fresh] = cells_.emplace(at, in_.loc(key));
    if (!fresh)
      in_.fail(ErrorId::load_stated, key,
               fmt::format("{}stated cell \"{}\" is cell {},{} again (first given at line {}, column {})", in_.in_step(),
                           shortened(k), at.first, at.second, first->second.line, first->second.column));
    s_.cells.push_back({at.first, at.second, in_.loc(key), stated_cell(in_, value)});
  }

  void vector(const YAML::Node& key, const YAML::Node& value) {
    const std::string& k = key.Scalar();
    if (!s_.cells.empty()) mixed(key);
    if (!is_valid_name(k))
      in_.fail(ErrorId::load_stated, key,
               fmt::format("{}stated key \"{}\" is neither a cell \"r,c\" nor the name of a column or row", in_.in_step(),
                           shortened(k)));
    s_.form = Stated::Form::vectors;
    if (value.IsMap())
      in_.fail(ErrorId::load_wrong_type, value, fmt::format("{}stated vector '{}' must be a list", in_.in_step(), k));
    auto rows = in_.grid<StatedCell>(value, "stated vector " + k, [&](const YAML::Node& e) { return stated_cell(in_, e); });
    if (rows.size() != 1)
      in_.fail(ErrorId::load_wrong_type, value, fmt::format("{}stated vector '{}' must be a flat list", in_.in_step(), k));
    s_.vectors.push_back({k, in_.loc(key), std::move(rows[0])});
  }

 private:
  [[noreturn]] void mixed(const YAML::Node& key) const {
    in_.fail(ErrorId::load_stated, key, fmt::format("{}stated mixes cells \"r,c\" and named vectors", in_.in_step()));
  }

  const NodeReader& in_;
  Stated& s_;
  std::map<std::pair<std::size_t, std::size_t>, SourceLoc> cells_;
};

}  // namespace

Stated read_stated(const NodeReader& in, const YAML::Node& n) {
  Stated s;
  s.loc = in.loc(n);
  if (n.IsMap()) {
    // An empty map would be a matrix of no rows, which no step has.
    if (n.size() == 0)
      in.fail(ErrorId::load_wrong_type, n, fmt::format("{}stated is an empty map: give cells \"r,c\" or named vectors, "
                                                       "or leave stated out", in.in_step()));
    StatedMap map(in, s);
    for (const auto& [key, value] : in.entries(n, {}, "stated")) {
      if (auto cell = cell_key(in, key)) map.cell(key, value, *cell);
      else map.vector(key, value);
    }
    return s;
  }
  s.form = Stated::Form::matrix;
  s.rows = in.grid<StatedCell>(n, "stated", [&](const YAML::Node& e) { return stated_cell(in, e); });
  return s;
}

void check_crossing_vectors(const Item& item) {
  if (!item.stated || item.stated->form != Stated::Form::vectors) return;
  // Columns are found first, as the audit finds them.
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
    throw Error(ErrorId::load_stated, v.loc,
                fmt::format("step {}: stated row {} and column {} (line {}, column {}) both give cell {},{}; "
                            "state a step by its columns or by its rows",
                            item.name, v.label, column->label, column->loc.line, column->loc.column, *i + 1,
                            column_index + 1));
  }
}

}  // namespace handcheck::case_yaml
