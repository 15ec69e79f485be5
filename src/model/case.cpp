#include "handcheck/model/case.hpp"

#include <fmt/format.h>

namespace handcheck {

std::string Labels::at(std::size_t i) const {
  if (!names.empty()) return i < names.size() ? names[i] : std::string();
  if (!prefix.empty()) return prefix + std::to_string(i + 1);
  return {};
}

long Labels::find(const std::string& name, std::size_t n) const {
  for (std::size_t i = 0; i < n; ++i)
    if (at(i) == name) return static_cast<long>(i);
  return -1;
}

std::optional<std::size_t> Labels::index_of(const std::string& name) const {
  if (!names.empty()) {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) return i;
    return std::nullopt;
  }
  if (prefix.empty() || !name.starts_with(prefix)) return std::nullopt;
  std::string_view n = std::string_view(name).substr(prefix.size());
  if (n.empty() || n.size() > 9 || n[0] == '0' || n.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  std::size_t v = 0;
  for (char c : n) v = v * 10 + static_cast<std::size_t>(c - '0');
  return v - 1;
}

SourceLoc Expression::at(std::size_t offset) const {
  SourceLoc l = loc;
  if (single_line && l.line != 0) l.column += offset;
  return l;
}

std::string Item::cell_label(std::size_t r, std::size_t c) const {
  std::string col = columns.at(c);
  if (!col.empty()) return fmt::format("{}[{}]", col, r + 1);
  std::string row = rows.at(r);
  if (!row.empty()) return fmt::format("{}[{}]", row, c + 1);
  return fmt::format("{}[{},{}]", name, r + 1, c + 1);
}

void Case::set_digits(int d) {
  digits = d;
  for (auto& item : items) item.digits = d;
}

void Case::add(Item item) {
  index_.emplace(item.name, static_cast<long>(items.size()));
  items.push_back(std::move(item));
}

long Case::find(const std::string& name) const {
  if (auto it = index_.find(name); it != index_.end() && static_cast<std::size_t>(it->second) < items.size() &&
                                   items[static_cast<std::size_t>(it->second)].name == name)
    return it->second;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].name == name) return static_cast<long>(i);
  return -1;
}

}  // namespace handcheck
