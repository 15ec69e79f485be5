// Answers into the cells of a sheet, whatever form a sheet file gives them in (a matrix, a
// vector, a cell), noting on the sheet what cannot be placed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/detail/text.hpp"
#include "handcheck/grade/sheet.hpp"
#include "json_line.hpp"

namespace handcheck::sheets {

using detail::trim;  // blanks around a value or a line

// `s` without the byte order mark that may start a file.
inline std::string_view without_bom(std::string_view s) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (s.substr(0, bom.size()) == bom) s.remove_prefix(bom.size());
  return s;
}

// An answer as it is placed: its kind and the text it was written as.
struct AnswerView {
  Answer::Kind kind = Answer::Kind::blank;
  std::string_view text;
};

// Text (a CSV field, a JSON string): blank when empty or "?", else a value.
AnswerView answer_from_text(std::string_view text);
// A JSON value: null is blank; a number or a string is a value; anything else is invalid.
AnswerView answer_from_json(const json_line::Node& v);

class Placer {
 public:
  Placer(const AnswerKey& key, Sheet& sheet);

  // The answer of key cell `cell`; a second answer to it replaces the first, with a note.
  void set(std::size_t cell, AnswerView a);
  // The step an answer names, or nullopt after a note.
  std::optional<std::size_t> step(std::string_view name);
  // The JSON answer `v` to step `s`: a matrix, a flat list, {label: vector} or {cell: value}.
  void step_json(std::size_t s, const std::vector<json_line::Node>& nodes, const json_line::Node& v);
  void note(std::string text) { sheet_.notes.push_back(std::move(text)); }

 private:
  void json_list(std::size_t s, const std::vector<json_line::Node>& nodes, const json_line::Node& v);
  void json_object(std::size_t s, const std::vector<json_line::Node>& nodes, const json_line::Node& v);

  const AnswerKey& key_;
  Sheet& sheet_;
  std::vector<bool> set_;
};

}  // namespace handcheck::sheets
