#include "node_reader.hpp"

#include <algorithm>
#include <set>

#include "handcheck/detail/text.hpp"
#include "handcheck/suggest.hpp"
#include "yaml_document.hpp"

namespace handcheck::case_yaml {

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

SourceLoc NodeReader::loc(const YAML::Node& n) const { return mark_loc(file_, n.Mark()); }

void NodeReader::fail(ErrorId id, const YAML::Node& n, const std::string& message) const {
  throw Error(id, loc(n), message);
}

std::vector<std::pair<YAML::Node, YAML::Node>> NodeReader::entries(const YAML::Node& map,
                                                                   const std::vector<std::string>& allowed,
                                                                   const std::string& what) const {
  if (!map.IsMap()) fail(ErrorId::load_wrong_type, map, fmt::format("{}{} must be a mapping of keys to values", in_step(), what));
  std::vector<std::pair<YAML::Node, YAML::Node>> out;
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    YAML::Node key = it->first;
    if (!key.IsScalar()) fail(ErrorId::load_wrong_type, key, fmt::format("{}keys of {} must be plain names", in_step(), what));
    const std::string& k = key.Scalar();
    if (!seen.insert(k).second)
      fail(ErrorId::load_duplicate_key, key, fmt::format("{}duplicate key '{}' in {}", in_step(), shortened(k), what));
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      fail(ErrorId::load_unknown_key, key, fmt::format("{}unknown key '{}' in {}{}", in_step(), shortened(k), what,
                                                       k.size() > 64 ? "" : did_you_mean(k, allowed)));
    out.emplace_back(key, it->second);
  }
  return out;
}

std::string NodeReader::scalar(const YAML::Node& n, const std::string& what) const {
  if (!n.IsScalar()) fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a single value", in_step(), what));
  return n.Scalar();
}

Literal NodeReader::number(const YAML::Node& n, const std::string& what) const {
  if (!n.IsScalar()) fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a number", in_step(), what));
  try {
    return parse_literal(n.Scalar(), limits_.number);
  } catch (const DomainError& e) {
    fail(e.id(), n, fmt::format("{}{}: {}", in_step(), what, e.what()));
  }
}

Labels NodeReader::labels(const YAML::Node& n, const std::string& what) const {
  Labels l;
  l.loc = loc(n);
  if (n.IsScalar()) {
    l.prefix = n.Scalar();
    if (!is_valid_name(l.prefix))
      fail(ErrorId::load_bad_name, n,
           fmt::format("{}{} prefix '{}' is not a valid name{}", in_step(), what, shortened(l.prefix),
                       l.prefix.find_first_of(", ") != std::string::npos ? " (a list of names is written [a, b])" : ""));
    return l;
  }
  if (!n.IsSequence())
    fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a prefix (like q) or a list of names", in_step(), what));
  std::set<std::string> seen;
  for (const auto& e : n) {
    std::string name = scalar(e, what);
    if (!is_valid_name(name))
      fail(ErrorId::load_bad_name, e, fmt::format("{}'{}' is not a valid name for {}", in_step(), shortened(name), what));
    if (!seen.insert(name).second)
      fail(ErrorId::load_duplicate_name, e, fmt::format("{}'{}' is named twice in {}", in_step(), name, what));
    l.names.push_back(name);
  }
  return l;
}

Matrix<Literal> NodeReader::literal_matrix(const YAML::Node& n, const std::string& what) const {
  auto rows = grid<Literal>(n, what, [&](const YAML::Node& e) {
    if (e.IsNull()) fail(ErrorId::load_missing, e, fmt::format("{}{}: a value is missing", in_step(), what));
    return number(e, what);
  });
  Matrix<Literal> m(rows.size(), rows[0].size());
  for (std::size_t r = 0; r < rows.size(); ++r)
    for (std::size_t c = 0; c < rows[r].size(); ++c) m(r, c) = std::move(rows[r][c]);
  return m;
}

void NodeReader::check_row(const YAML::Node& r, const std::string& what, std::size_t index, std::size_t width) const {
  if (!r.IsSequence()) fail(ErrorId::load_wrong_type, r, fmt::format("{}{}: every row must be a list", in_step(), what));
  if (r.size() == 0) fail(ErrorId::load_shape, r, fmt::format("{}{}: empty row", in_step(), what));
  if (index > 0 && r.size() != width)
    fail(ErrorId::load_shape, r,
         fmt::format("{}{}: row {} has {} entries, row 1 has {}", in_step(), what, index + 1, r.size(), width));
}

void NodeReader::count_cells(const YAML::Node& at, const std::string& what, std::size_t cells, std::size_t added) const {
  total_cells_ += added;
  if (cells > limits_.max_cells)
    fail(ErrorId::limit_cells, at,
         fmt::format("{}{}: more than {} cells (raise the limit with --max-cells)", in_step(), what, limits_.max_cells));
  if (total_cells_ > limits_.max_cells)
    fail(ErrorId::limit_cells, at,
         fmt::format("{}{}: the inputs and stated values of this case have more than {} cells together "
                     "(raise the limit with --max-cells)",
                     in_step(), what, limits_.max_cells));
}

}  // namespace handcheck::case_yaml
