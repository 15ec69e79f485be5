#include "handcheck/ops/reference.hpp"

#include <fmt/format.h>

#include "handcheck/ops/registry.hpp"

namespace handcheck {

namespace {

std::string_view reads_text(Reads r) {
  switch (r) {
    case Reads::cell: return "the same cell (broadcast)";
    case Reads::column: return "its column";
    case Reads::row: return "its row";
    case Reads::column_fold: return "the column it folds";
    case Reads::row_fold: return "the row it folds";
    case Reads::picked: return "the cells it picks or its window covers";
    case Reads::all: return "every cell";
  }
  return "";
}

std::string arity(const OpSpec& op) {
  if (op.max_args == OpSpec::kVariadic) return fmt::format("{} or more", op.min_args);
  if (op.min_args == op.max_args) return fmt::format("{}", op.min_args);
  return fmt::format("{}–{}", op.min_args, op.max_args);
}

}  // namespace

std::string operations_index_markdown() {
  std::string out =
      "| function | arguments | a result cell reads | continuous | summary |\n|---|---|---|---|---|\n";
  for (const OpSpec& op : all_ops())
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", op.signature, arity(op), reads_text(op.reads),
                       op.continuity == Continuity::continuous ? "yes" : "no", op.summary);
  return out;
}

std::string function_dictionary() {
  std::string out;
  for (const OpSpec& op : all_ops()) out += fmt::format("\"{}(\"\n", op.name);
  return out;
}

std::string replace_generated(std::string_view document, std::string_view begin, std::string_view end,
                              std::string_view generated) {
  std::string open = std::string(begin) + "\n", close = std::string(end) + "\n";
  auto from = document.find(open);
  if (from == std::string_view::npos) return std::string(document);
  from += open.size();
  auto to = document.find(close, from);
  if (to == std::string_view::npos) return std::string(document);
  return std::string(document.substr(0, from)) + std::string(generated) + std::string(document.substr(to));
}

}  // namespace handcheck
