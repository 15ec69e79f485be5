#include "handcheck/grade/sheet.hpp"

#include <deque>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "handcheck/parallel.hpp"

namespace handcheck {

namespace {

// A parsed JSON document, flat: nodes linked by index, every number kept as the text it was
// written with. The arena is reused line after line, so reading allocates little.
struct JNode {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  Kind kind = Kind::null;
  std::uint32_t first = none, last = none, next = none;  // children; the next sibling
  std::uint32_t count = 0;                               // children
  std::string text;                                      // number, string, boolean
  std::string key;                                       // the member name, in an object
};

// SAX events to JNodes. number_float hands over the number's source text, which is what is
// kept; the double nlohmann also computes is never used.
class Builder {
 public:
  using json = nlohmann::json;
  explicit Builder(std::vector<JNode>& nodes) : nodes_(nodes) { nodes_.clear(); }

  bool null() { return put(JNode::Kind::null, {}); }
  bool boolean(bool b) { return put(JNode::Kind::boolean, b ? "true" : "false"); }
  bool number_integer(json::number_integer_t v) { return put(JNode::Kind::number, std::to_string(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(JNode::Kind::number, std::to_string(v)); }
  bool number_float(json::number_float_t, const std::string& text) { return put(JNode::Kind::number, text); }
  bool string(std::string& s) { return put(JNode::Kind::string, std::move(s)); }
  bool binary(json::binary_t&) { return put(JNode::Kind::string, "(binary)"); }
  bool start_object(std::size_t) { return open(JNode::Kind::object); }
  bool key(std::string& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(JNode::Kind::array); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    error_ = ex.what();
    position_ = position;
    return false;
  }

  std::string error_;
  std::size_t position_ = 0;

 private:
  bool put(JNode::Kind kind, std::string text) {
    auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    JNode& n = nodes_.back();
    n.kind = kind;
    n.text = std::move(text);
    if (!open_.empty()) {
      JNode& parent = nodes_[open_.back()];
      if (parent.kind == JNode::Kind::object) n.key = std::move(key_);
      if (parent.last == JNode::none) parent.first = index;
      else nodes_[parent.last].next = index;
      parent.last = index;
      ++parent.count;
    }
    return true;
  }
  bool open(JNode::Kind kind) {
    put(kind, {});
    open_.push_back(static_cast<std::uint32_t>(nodes_.size() - 1));
    return true;
  }
  bool close() {
    open_.pop_back();
    return true;
  }

  std::vector<JNode>& nodes_;
  std::vector<std::uint32_t> open_;
  std::string key_;
};

// The children of a node, for range-for.
class Children {
 public:
  Children(const std::vector<JNode>& nodes, const JNode& n) : nodes_(nodes), first_(n.first) {}
  struct iterator {
    const std::vector<JNode>* nodes;
    std::uint32_t at;
    const JNode& operator*() const { return (*nodes)[at]; }
    iterator& operator++() {
      at = (*nodes)[at].next;
      return *this;
    }
    bool operator!=(const iterator& o) const { return at != o.at; }
  };
  iterator begin() const { return {&nodes_, first_}; }
  iterator end() const { return {&nodes_, JNode::none}; }

 private:
  const std::vector<JNode>& nodes_;
  std::uint32_t first_;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Answer answer_from_text(std::string_view text) {
  text = trim(text);
  if (text.empty() || text == "?") return {};
  return {Answer::Kind::value, std::string(text)};
}

Answer answer_from_json(const JNode& v) {
  switch (v.kind) {
    case JNode::Kind::null: return {};
    case JNode::Kind::number: return {Answer::Kind::value, v.text};
    case JNode::Kind::string: return answer_from_text(v.text);
    case JNode::Kind::boolean: return {Answer::Kind::invalid, v.text};
    case JNode::Kind::array: return {Answer::Kind::invalid, "(a list)"};
    case JNode::Kind::object: return {Answer::Kind::invalid, "(an object)"};
  }
  return {};
}

bool is_scalar(const JNode& v) { return v.kind != JNode::Kind::array && v.kind != JNode::Kind::object; }

// Places answers into a sheet, noting what cannot be placed.
class Placer {
 public:
  Placer(const AnswerKey& key, Sheet& sheet) : key_(key), sheet_(sheet), set_(key.cells().size(), false) {
    sheet_.answers = Answers(key.cells().size());
  }

  void set(std::size_t cell, Answer a) {
    if (set_[cell])
      note(fmt::format("{} {} is answered twice; the last answer counts", key_.step_name(key_.cells()[cell]),
                       key_.cells()[cell].label));
    set_[cell] = true;
    sheet_.answers.set(cell, a);
  }

  // The step an answer names, or nullopt after a note.
  std::optional<std::size_t> step(std::string_view name) {
    if (auto s = key_.find_step(name)) return s;
    long i = key_.kase().find(std::string(name));
    if (i >= 0 && key_.kase().items[static_cast<std::size_t>(i)].is_input)
      note(fmt::format("{} is an input, not a step; its answers are not graded", name));
    else if (i >= 0)
      note(fmt::format("step {} cannot be graded (its pipeline stops before it); its answers are ignored", name));
    else
      note(fmt::format("the case has no step '{}'; its answers are ignored", name));
    return std::nullopt;
  }

  void step_json(std::size_t s, const std::vector<JNode>& nodes, const JNode& v) {
    const KeyStep& step = key_.steps()[s];
    const std::string& name = key_.kase().items[step.item].name;
    Shape shape = step.shape;
    if (v.kind == JNode::Kind::array) {
      bool rows = v.count > 0 && nodes[v.first].kind == JNode::Kind::array;
      std::size_t k = step.first;
      if (rows) {
        bool fits = v.count == shape.rows;
        for (const JNode& row : Children(nodes, v)) fits = fits && row.kind == JNode::Kind::array && row.count == shape.cols;
        if (!fits) return note(fmt::format("{}: the answer is not a {} matrix; it is ignored", name, shape.to_string()));
        for (const JNode& row : Children(nodes, v))
          for (const JNode& x : Children(nodes, row)) set(k++, answer_from_json(x));
        return;
      }
      // A flat list for a single row or column.
      if ((shape.rows == 1 && v.count == shape.cols) || (shape.cols == 1 && v.count == shape.rows)) {
        for (const JNode& x : Children(nodes, v)) set(k++, answer_from_json(x));
        return;
      }
      return note(fmt::format("{}: the answer is not a {} matrix; it is ignored", name, shape.to_string()));
    }
    if (v.kind == JNode::Kind::object) {
      for (const JNode& x : Children(nodes, v)) {
        if (auto cell = key_.find_cell(s, x.key); cell && is_scalar(x)) {
          set(*cell, answer_from_json(x));
          continue;
        }
        auto cells = key_.find_vector(s, x.key);
        if (cells.empty()) {
          note(fmt::format("{}: no cell or vector is named '{}'; its answer is ignored", name, x.key));
        } else if (x.kind != JNode::Kind::array || x.count != cells.size()) {
          note(fmt::format("{}: {} needs a list of {} values; its answer is ignored", name, x.key, cells.size()));
        } else {
          std::size_t j = 0;
          for (const JNode& y : Children(nodes, x)) set(cells[j++], answer_from_json(y));
        }
      }
      return;
    }
    if (shape.cells() == 1) return set(step.first, answer_from_json(v));
    note(fmt::format("{}: a single value answers a {} step; it is ignored", name, shape.to_string()));
  }

  void note(std::string text) { sheet_.notes.push_back(std::move(text)); }

 private:
  const AnswerKey& key_;
  Sheet& sheet_;
  std::vector<bool> set_;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

SourceLoc loc_of(const std::string& name, std::size_t line, std::size_t column = 1) { return {name, line, column}; }

}  // namespace

void check_sheet_ids(const std::vector<Sheet>& sheets) {
  std::unordered_map<std::string_view, const Sheet*> seen;
  for (const auto& s : sheets) {
    auto [it, fresh] = seen.emplace(s.id, &s);
    if (!fresh)
      throw Error(s.where, fmt::format("sheet id '{}' is given twice (first at {})", s.id, it->second->where.to_string()));
  }
}

void Answers::set(std::size_t cell, Answer::Kind kind, std::string_view text) {
  // A value longer than 4 GB cannot be a number; a text rewritten leaves its old bytes behind.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  slots_[cell] = {static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(text.size()), kind};
  texts_ += text;
}

Sheet read_sheet_json(std::string_view json_text, const SourceLoc& where, const AnswerKey& key) {
  thread_local std::vector<JNode> nodes;
  Builder b(nodes);
  nlohmann::json::sax_parse(json_text, &b);
  auto fail = [&](const std::string& what) { return Error(where, what); };
  if (!b.error_.empty())
    throw Error({where.file, where.line, b.position_}, fmt::format("not a JSON object: {}", b.error_));
  if (nodes.empty() || nodes[0].kind != JNode::Kind::object)
    throw fail("a sheet is a JSON object {\"id\": ..., \"answers\": {...}}");
  const JNode *id = nullptr, *answers = nullptr;
  for (const JNode& m : Children(nodes, nodes[0])) {
    if (m.key == "id") id = &m;
    if (m.key == "answers") answers = &m;
  }
  if (!id || (id->kind != JNode::Kind::string && id->kind != JNode::Kind::number) || id->text.empty())
    throw fail("the sheet has no \"id\" (a string)");
  if (!answers || answers->kind != JNode::Kind::object) throw fail("the sheet has no \"answers\" object");
  Sheet sheet;
  sheet.id = id->text;
  sheet.where = where;
  Placer p(key, sheet);
  for (const JNode& m : Children(nodes, *answers))
    if (auto s = p.step(m.key)) p.step_json(*s, nodes, m);
  return sheet;
}

std::vector<Sheet> read_sheets_jsonl(std::string_view text, const std::string& name, const AnswerKey& key) {
  std::vector<std::string_view> lines = split_lines(text);
  std::vector<std::optional<Sheet>> slots(lines.size());
  std::vector<std::optional<Error>> errors(lines.size());
  // Lines are independent: read on every core, then keep the file's order (and report the
  // first bad line, whichever thread met it first).
  parallel_for(lines.size(), [&](std::size_t i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) return;
    try {
      slots[i] = read_sheet_json(line, loc_of(name, i + 1), key);
    } catch (const Error& e) {
      errors[i] = e;
    }
  });
  std::vector<Sheet> sheets;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    if (errors[i]) throw *errors[i];
    if (slots[i]) sheets.push_back(std::move(*slots[i]));
  }
  check_sheet_ids(sheets);
  return sheets;
}

std::vector<Sheet> read_sheets_csv(std::string_view text, const std::string& name, const AnswerKey& key) {
  // RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
  struct Record {
    std::vector<std::string> fields;
    std::size_t line;
  };
  std::vector<Record> records;
  std::size_t line = 1, i = 0;
  while (i < text.size()) {
    Record rec{{}, line};
    std::string field;
    bool done = false;
    while (!done) {
      if (i < text.size() && text[i] == '"') {
        ++i;
        for (;;) {
          if (i >= text.size()) throw Error(loc_of(name, rec.line), "a quoted field is not closed");
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n') field += text[i++];
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
      } else {
        done = true;
        if (i < text.size()) {
          ++i;
          ++line;
        }
      }
    }
    if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) continue;  // a blank line
    records.push_back(std::move(rec));
  }
  // Deques: a placer keeps a reference to its sheet while more sheets are added.
  std::deque<Sheet> sheets;
  std::deque<Placer> placers;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < records.size(); ++r) {
    auto& f = records[r].fields;
    for (auto& x : f) x = std::string(trim(x));
    if (r == 0 && f.size() == 4 && f[0] == "id" && f[1] == "step" && f[2] == "cell" && f[3] == "value") continue;
    if (f.size() != 4)
      throw Error(loc_of(name, records[r].line), fmt::format("a row has {} fields; the columns are id,step,cell,value", f.size()));
    if (f[0].empty()) throw Error(loc_of(name, records[r].line), "a row has no id");
    auto [it, fresh] = index.emplace(f[0], sheets.size());
    if (fresh) {
      sheets.emplace_back();
      sheets.back().id = f[0];
      sheets.back().where = loc_of(name, records[r].line);
      placers.emplace_back(key, sheets.back());
    }
    Placer& p = placers[it->second];
    auto s = p.step(f[1]);
    if (!s) continue;
    if (auto cell = key.find_cell(*s, f[2])) p.set(*cell, answer_from_text(f[3]));
    else p.note(fmt::format("{}: no cell '{}' (line {}); its answer is ignored", f[1], f[2], records[r].line));
  }
  return {std::make_move_iterator(sheets.begin()), std::make_move_iterator(sheets.end())};
}

std::vector<Sheet> read_sheets_file(const std::string& path, const AnswerKey& key) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw Error({path, 0, 0}, "cannot read the sheets file");
    // One read of the whole file: a class can be tens of megabytes.
    text.resize(static_cast<std::size_t>(in.tellg()));
    in.seekg(0);
    if (!in.read(text.data(), static_cast<std::streamsize>(text.size())))
      throw Error({path, 0, 0}, "cannot read the sheets file");
  }
  bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  return csv ? read_sheets_csv(text, path, key) : read_sheets_jsonl(text, path, key);
}

}  // namespace handcheck
