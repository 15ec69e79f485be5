#include "handcheck/suggest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace handcheck {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest(std::string_view name, const std::vector<std::string>& candidates, std::size_t within) {
  std::string best;
  std::size_t best_d = within + 1;
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string function_hint(std::string_view name) {
  // Worksheets draw vectors as columns or as rows; the direction is part of the name.
  static const std::vector<std::pair<std::string_view, std::string_view>> hints = {
      {"softmax", "write softmax_cols(M) or softmax_rows(M): softmax_cols makes each column sum to 1 (vectors "
                  "drawn as columns), softmax_rows each row"},
      {"argmax", "write argmax_cols(M) or argmax_rows(M): the 1-based row of each column's largest entry, or the "
                 "column of each row's"},
      {"argmin", "there is no argmin; argmax_cols(-M) or argmax_rows(-M) gives it"},
      {"mean", "write colmean(M) or rowmean(M): the mean of each column, or of each row"},
      {"transpose", "write M^T"},
      {"matmul", "write A @ B"},
      {"dot", "write A @ B (for vectors, a^T @ b)"},
  };
  for (const auto& [n, hint] : hints)
    if (n == name) return fmt::format("unknown function '{}': {}", name, hint);
  return "";
}

}  // namespace handcheck
