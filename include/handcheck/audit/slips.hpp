// The catalog of hand slips: named, tested rules that recompute a wrong cell under a known
// mistake. A slip is reported when it reproduces the stated value from the stated operands at
// their printed values: its value there certainly matches the stated one under the step's
// comparison.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/numbers/range.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

struct Slip {
  std::string_view tag;  // stable, for statistics: "dropped-term", "ceil-for-floor", ...
  std::string text;      // "stated 1 = the sum without the term WQ[3,4]·X[4,2]"
};

// The work the slip search of one audit may do, shared by its wrong cells, in operations on
// one term or one value (about half a microsecond each): a wrong cell of an n-term dot product
// in an m x p step costs 5n + m + p + 32, so the search of a step grows as the fourth power of
// its size. Once a cell costs more than is left, it and every later cell go unsearched, and the
// audit says which. The default searches every cell of a 64 x 64 product that is all wrong.
inline constexpr std::size_t kDefaultSlipWork = 5'000'000;

class SlipBudget {
 public:
  explicit SlipBudget(std::size_t work = kDefaultSlipWork) : limit_(work), left_(work) {}
  // Takes `work` from what is left; false (and nothing left from then on) when it is not there.
  bool spend(std::size_t work) {
    if (work > left_) {
      left_ = 0;
      return false;
    }
    left_ -= work;
    return true;
  }
  std::size_t limit() const { return limit_; }

 private:
  std::size_t limit_, left_;
};

struct SlipQuery {
  const Item* item = nullptr;
  const Expr* expression = nullptr;        // the expression the stated numbers follow
  const Expr* other = nullptr;             // the other pipeline's expression, when it differs
  std::size_t row = 0, col = 0;            // the wrong cell, 0-based
  Literal stated;
  CompareMode compare;                     // how the stated value is compared
  const Real* truth = nullptr;             // the correct value
  // An expression evaluated over the step's stated operands at their printed values (correct
  // values where blank): one point of the ranges they stand for, where an operand read twice is
  // one value. In the hand pipeline, or nullptr when it cannot be; empty for a step that follows
  // the exact pipeline. The value stays owned by the caller, which may share it between cells.
  std::function<const Matrix<Range>*(const Expr&)> evaluate;
  // The same in the exact pipeline (for slips whose value is irrational); may be empty.
  std::function<const Matrix<Real>*(const Expr&)> evaluate_exact;
  SlipBudget* budget = nullptr;            // shared by the cells of one audit; nullptr: no limit
};

// Every slip of the catalog that reproduces the stated value, in catalog order; nullopt when
// the budget cannot pay for the search of this cell (it is then not searched).
std::optional<std::vector<Slip>> find_slips(const SlipQuery& q);

// The tags of the catalog, in order.
const std::vector<std::string_view>& slip_tags();

}  // namespace handcheck
