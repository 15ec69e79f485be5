#include "answer_placer.hpp"

#include <fmt/format.h>

namespace handcheck::sheets {

using json_line::Children;
using json_line::Node;

AnswerView answer_from_text(std::string_view text) {
  text = trim(text);
  if (text.empty() || text == "?") return {};
  return {Answer::Kind::value, text};
}

AnswerView answer_from_json(const Node& v) {
  switch (v.kind) {
    case Node::Kind::null: return {};
    case Node::Kind::number: return {Answer::Kind::value, v.text};
    case Node::Kind::string: return answer_from_text(v.text);
    case Node::Kind::boolean: return {Answer::Kind::invalid, v.text};
    case Node::Kind::array: return {Answer::Kind::invalid, "(a list)"};
    case Node::Kind::object: return {Answer::Kind::invalid, "(an object)"};
  }
  return {};
}

namespace {

bool is_scalar(const Node& v) { return v.kind != Node::Kind::array && v.kind != Node::Kind::object; }

}  // namespace

Placer::Placer(const AnswerKey& key, Sheet& sheet) : key_(key), sheet_(sheet), set_(key.cells().size(), false) {
  sheet_.answers.reset(key.cells().size());
}

void Placer::set(std::size_t cell, AnswerView a) {
  if (set_[cell])
    note(fmt::format("{} {} is answered twice; the last answer counts", key_.step_name(key_.cells()[cell]),
                     key_.cells()[cell].label));
  set_[cell] = true;
  sheet_.answers.set(cell, a.kind, a.text);
}

std::optional<std::size_t> Placer::step(std::string_view name) {
  if (auto s = key_.find_step(name)) return s;
  long i = key_.kase().find(std::string(name));
  if (i >= 0 && key_.kase().items[static_cast<std::size_t>(i)].is_input)
    note(fmt::format("{} is an input, not a step; its answers are not graded", detail::shortened(name)));
  else if (i >= 0)
    note(fmt::format("step {} cannot be graded (its pipeline stops before it); its answers are ignored",
                     detail::shortened(name)));
  else
    note(fmt::format("the case has no step '{}'; its answers are ignored", detail::shortened(name)));
  return std::nullopt;
}

void Placer::step_json(std::size_t s, const std::vector<Node>& nodes, const Node& v) {
  if (v.kind == Node::Kind::array) return json_list(s, nodes, v);
  if (v.kind == Node::Kind::object) return json_object(s, nodes, v);
  const KeyStep& step = key_.steps()[s];
  if (step.shape.cells() == 1) return set(step.first, answer_from_json(v));
  note(fmt::format("{}: a single value answers a {} step; it is ignored", key_.kase().items[step.item].name,
                   step.shape.to_string()));
}

// A list of rows, or a flat list for a single row or column.
void Placer::json_list(std::size_t s, const std::vector<Node>& nodes, const Node& v) {
  const KeyStep& step = key_.steps()[s];
  const std::string& name = key_.kase().items[step.item].name;
  Shape shape = step.shape;
  bool rows = v.count > 0 && nodes[v.first].kind == Node::Kind::array;
  std::size_t k = step.first;
  if (rows) {
    bool fits = v.count == shape.rows;
    for (const Node& row : Children(nodes, v)) fits = fits && row.kind == Node::Kind::array && row.count == shape.cols;
    if (!fits) return note(fmt::format("{}: the answer is not a {} matrix; it is ignored", name, shape.to_string()));
    for (const Node& row : Children(nodes, v))
      for (const Node& x : Children(nodes, row)) set(k++, answer_from_json(x));
    return;
  }
  if ((shape.rows == 1 && v.count == shape.cols) || (shape.cols == 1 && v.count == shape.rows)) {
    for (const Node& x : Children(nodes, v)) set(k++, answer_from_json(x));
    return;
  }
  note(fmt::format("{}: the answer is not a {} matrix; it is ignored", name, shape.to_string()));
}

// Members naming a cell (a value each) or a vector (a list each).
void Placer::json_object(std::size_t s, const std::vector<Node>& nodes, const Node& v) {
  const std::string& name = key_.kase().items[key_.steps()[s].item].name;
  for (const Node& x : Children(nodes, v)) {
    if (auto cell = key_.find_cell(s, x.key); cell && is_scalar(x)) {
      set(*cell, answer_from_json(x));
      continue;
    }
    auto cells = key_.find_vector(s, x.key);
    if (cells.empty()) {
      note(fmt::format("{}: no cell or vector is named '{}'; its answer is ignored", name, detail::shortened(x.key)));
    } else if (x.kind != Node::Kind::array || x.count != cells.size()) {
      note(fmt::format("{}: {} needs a list of {} values; its answer is ignored", name, detail::shortened(x.key),
                       cells.size()));
    } else {
      std::size_t j = 0;
      for (const Node& y : Children(nodes, x)) set(cells[j++], answer_from_json(y));
    }
  }
}

}  // namespace handcheck::sheets
