#include "handcheck/model/printing.hpp"

#include <algorithm>

namespace handcheck {

int printed_decimals(const Item& item) {
  int d = -1;
  if (!item.stated) return d;
  auto see = [&](const StatedCell& c) {
    if (c.value && c.value->is_decimal()) d = std::max(d, c.value->decimals);
  };
  const Stated& st = *item.stated;
  for (const auto& row : st.rows)
    for (const auto& c : row) see(c);
  for (const auto& v : st.vectors)
    for (const auto& c : v.cells) see(c);
  for (const auto& c : st.cells) see(c.cell);
  return d;
}

}  // namespace handcheck
