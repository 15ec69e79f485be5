#include "sheet_json.hpp"

#include <fmt/format.h>

#include <functional>

#include "answer_placer.hpp"
#include "handcheck/parallel.hpp"
#include "json_line.hpp"

namespace handcheck {

namespace sheets {

using json_line::Children;
using json_line::Node;

void fill_sheet_json(Sheet& sheet, std::string_view json_text, const SourceLoc& where, const AnswerKey& key,
                     std::optional<std::size_t>* id_at) {
  thread_local json_line::Document doc;
  if (auto e = doc.parse(json_text))
    throw Error(ErrorId::sheet_json, {where.file, where.line, e->column}, "not a JSON object: " + e->message);
  const std::vector<Node>& nodes = doc.nodes();
  auto fail = [&](ErrorId id, const std::string& what) { return Error(id, where, what); };
  if (doc.root().kind != Node::Kind::object)
    throw fail(ErrorId::sheet_form, "a sheet is a JSON object {\"id\": ..., \"answers\": {...}}");
  const Node *id = nullptr, *answers = nullptr;
  for (const Node& m : Children(nodes, doc.root())) {
    const Node*& slot = m.key == "id" ? id : m.key == "answers" ? answers : id;
    if (m.key != "id" && m.key != "answers") continue;
    // JSON leaves a repeated name to the reader; a sheet must not hide one of two answers.
    if (slot) throw fail(ErrorId::sheet_form, fmt::format("the sheet has \"{}\" twice", m.key));
    slot = &m;
  }
  if (!id || (id->kind != Node::Kind::string && id->kind != Node::Kind::number) || id->text.empty())
    throw fail(ErrorId::sheet_missing, "the sheet has no \"id\" (a string)");
  if (!answers || answers->kind != Node::Kind::object)
    throw fail(ErrorId::sheet_missing, "the sheet has no \"answers\" object");
  sheet.id.assign(id->text);
  if (id_at) {
    // A string without escapes is a view of the line itself.
    const char* from = id->text.data();
    bool in_line = id->kind == Node::Kind::string && std::less_equal<>()(json_text.data(), from) &&
                   std::less_equal<>()(from + id->text.size(), json_text.data() + json_text.size());
    *id_at = in_line ? std::optional<std::size_t>(static_cast<std::size_t>(from - json_text.data())) : std::nullopt;
  }
  sheet.where = where;
  sheet.notes.clear();
  Placer p(key, sheet);
  for (const Node& m : Children(nodes, *answers))
    if (auto s = p.step(m.key)) p.step_json(*s, nodes, m);
}

}  // namespace sheets

Sheet read_sheet_json(std::string_view json_text, const SourceLoc& where, const AnswerKey& key) {
  Sheet sheet;
  sheets::fill_sheet_json(sheet, json_text, where, key);
  return sheet;
}

std::vector<Sheet> read_sheets_jsonl(std::string_view text, const std::string& name, const AnswerKey& key) {
  text = sheets::without_bom(text);
  struct Line {
    std::string_view text;
    std::size_t number;
  };
  std::vector<Line> lines;
  for (std::size_t start = 0, number = 1; start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (std::string_view line = sheets::trim(text.substr(start, end - start)); !line.empty())
      lines.push_back({line, number});
    start = end + 1;
  }
  std::vector<Sheet> read(lines.size());
  // Lines are independent: read on every core; the first bad line in the file is reported.
  parallel_for(lines.size(), [&](std::size_t i) {
    sheets::fill_sheet_json(read[i], lines[i].text, {name, lines[i].number, 1}, key);
  });
  check_sheet_ids(read);
  return read;
}

}  // namespace handcheck
