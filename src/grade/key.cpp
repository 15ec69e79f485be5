#include "handcheck/grade/key.hpp"

#include <charconv>
#include <fmt/format.h>

#include "handcheck/detail/text.hpp"

namespace handcheck {

namespace {

// Without the trailing zeros of its decimals: 0.214286, 0.375, 2 (an exponent's are kept).
std::string short_decimal(std::string s) {
  if (s.find('.') != std::string::npos && s.find('e') == std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

// Six decimals, or six significant digits where those would show fewer than three: 3/14 ->
// 0.214286, 3^-20 -> 2.86797e-10 (not 0, beside students who wrote 0).
std::string decimal_of(const Real& x) {
  auto fixed = certified_fixed(x, 6);
  if (fixed) {
    auto first = fixed->find_first_not_of("-0.");
    if (first == std::string::npos ? x.is_exact() && x.exact() == 0
                                   : fixed->size() - first - (fixed->find('.') > first ? 1 : 0) >= 3)
      return short_decimal(*fixed);
  }
  auto figures = certified_significant(x, 6);
  return figures ? short_decimal(*figures) : describe(x, 6);
}

std::optional<std::size_t> parse_index(std::string_view s) {
  std::size_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v == 0) return std::nullopt;
  return v;
}

}  // namespace

AnswerKey::AnswerKey(std::shared_ptr<const Case> c, const PipelineOptions& options)
    : case_(std::move(c)), options_(options), hand_(run_hand(*case_, options)), exact_(run_exact(*case_, options)) {
  const Case& k = *case_;
  for (std::size_t i = 0; i < k.items.size(); ++i) {
    const Item& item = k.items[i];
    if (item.is_input) continue;
    bool hand = item.follows == Follows::hand;
    const bool has_value = hand ? hand_.values[i].has_value() : exact_.values[i].has_value();
    if (!has_value) {
      skipped_.push_back(item.name);
      continue;
    }
    KeyStep step;
    step.item = i;
    step.shape = hand ? hand_.values[i]->shape() : exact_.values[i]->shape();
    step.first = cells_.size();
    step.hand = hand;
    step_index_.emplace(item.name, steps_.size());
    labels_.emplace_back();
    for (std::size_t r = 0; r < step.shape.rows; ++r)
      for (std::size_t col = 0; col < step.shape.cols; ++col) {
        KeyCell cell;
        cell.step = steps_.size();
        cell.row = r;
        cell.col = col;
        cell.label = item.cell_label(r, col);
        const Real& x = (*(hand ? hand_ : exact_).values[i])(r, col);
        cell.expected = describe(x, item.digits);
        cell.expected_decimal = decimal_of(x);
        labels_.back().emplace(cell.label, cells_.size());
        cells_.push_back(std::move(cell));
      }
    steps_.push_back(step);
  }
}

const Real& AnswerKey::hand_value(std::size_t cell) const {
  const KeyCell& c = cells_[cell];
  return (*hand_.values[steps_[c.step].item])(c.row, c.col);
}

const Real& AnswerKey::exact_value(std::size_t cell) const {
  const KeyCell& c = cells_[cell];
  return (*exact_.values[steps_[c.step].item])(c.row, c.col);
}

std::optional<std::size_t> AnswerKey::find_step(std::string_view name) const {
  auto it = step_index_.find(std::string(name));
  if (it == step_index_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::size_t> AnswerKey::find_cell(std::size_t step, std::string_view address) const {
  const KeyStep& s = steps_[step];
  if (auto comma = address.find(','); comma != std::string_view::npos && address.find('[') == std::string_view::npos) {
    auto r = parse_index(detail::trim(address.substr(0, comma)));
    auto c = parse_index(detail::trim(address.substr(comma + 1)));
    if (!r || !c || *r > s.shape.rows || *c > s.shape.cols) return std::nullopt;
    return s.first + (*r - 1) * s.shape.cols + (*c - 1);
  }
  auto it = labels_[step].find(std::string(address));
  if (it != labels_[step].end()) return it->second;
  // STEP[r,c] works whatever the step names.
  const std::string& name = case_->items[s.item].name;
  if (address.size() > name.size() + 2 && address.substr(0, name.size()) == name && address[name.size()] == '[' &&
      address.back() == ']')
    return find_cell(step, address.substr(name.size() + 1, address.size() - name.size() - 2));
  return std::nullopt;
}

std::vector<std::size_t> AnswerKey::find_vector(std::size_t step, std::string_view label) const {
  const KeyStep& s = steps_[step];
  const Item& item = case_->items[s.item];
  std::string name(label);
  std::vector<std::size_t> out;
  long col = item.columns.find(name, s.shape.cols), row = item.rows.find(name, s.shape.rows);
  if (col >= 0 && row >= 0) return out;  // a row and a column of that name: either reading is a guess
  if (col >= 0) {
    for (std::size_t r = 0; r < s.shape.rows; ++r) out.push_back(s.first + r * s.shape.cols + static_cast<std::size_t>(col));
  } else if (row >= 0) {
    for (std::size_t c = 0; c < s.shape.cols; ++c) out.push_back(s.first + static_cast<std::size_t>(row) * s.shape.cols + c);
  }
  return out;
}

Match AnswerKey::matches(std::size_t cell, const Literal& stated) const {
  const CompareMode& mode = item_of(cells_[cell]).compare;
  return handcheck::matches(mode, stated, steps_[cells_[cell].step].hand ? hand_value(cell) : exact_value(cell));
}

}  // namespace handcheck
