#include "handcheck/grade/sheet.hpp"

#include <cerrno>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

#include "handcheck/parallel.hpp"
#include "json_line.hpp"

namespace handcheck {

namespace {

using json_line::Children;
using json_line::Node;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

constexpr std::string_view bom = "\xEF\xBB\xBF";

std::string_view without_bom(std::string_view s) {
  if (s.substr(0, bom.size()) == bom) s.remove_prefix(bom.size());
  return s;
}

struct AnswerView {
  Answer::Kind kind = Answer::Kind::blank;
  std::string_view text;
};

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

bool is_scalar(const Node& v) { return v.kind != Node::Kind::array && v.kind != Node::Kind::object; }

// Places answers into a sheet, noting what cannot be placed.
class Placer {
 public:
  Placer(const AnswerKey& key, Sheet& sheet) : key_(key), sheet_(sheet), set_(key.cells().size(), false) {
    sheet_.answers.reset(key.cells().size());
  }

  void set(std::size_t cell, AnswerView a) {
    if (set_[cell])
      note(fmt::format("{} {} is answered twice; the last answer counts", key_.step_name(key_.cells()[cell]),
                       key_.cells()[cell].label));
    set_[cell] = true;
    sheet_.answers.set(cell, a.kind, a.text);
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

  void step_json(std::size_t s, const std::vector<Node>& nodes, const Node& v) {
    const KeyStep& step = key_.steps()[s];
    const std::string& name = key_.kase().items[step.item].name;
    Shape shape = step.shape;
    if (v.kind == Node::Kind::array) {
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
      // A flat list for a single row or column.
      if ((shape.rows == 1 && v.count == shape.cols) || (shape.cols == 1 && v.count == shape.rows)) {
        for (const Node& x : Children(nodes, v)) set(k++, answer_from_json(x));
        return;
      }
      return note(fmt::format("{}: the answer is not a {} matrix; it is ignored", name, shape.to_string()));
    }
    if (v.kind == Node::Kind::object) {
      for (const Node& x : Children(nodes, v)) {
        if (auto cell = key_.find_cell(s, x.key); cell && is_scalar(x)) {
          set(*cell, answer_from_json(x));
          continue;
        }
        auto cells = key_.find_vector(s, x.key);
        if (cells.empty()) {
          note(fmt::format("{}: no cell or vector is named '{}'; its answer is ignored", name, x.key));
        } else if (x.kind != Node::Kind::array || x.count != cells.size()) {
          note(fmt::format("{}: {} needs a list of {} values; its answer is ignored", name, x.key, cells.size()));
        } else {
          std::size_t j = 0;
          for (const Node& y : Children(nodes, x)) set(cells[j++], answer_from_json(y));
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

// Fills `sheet` (its memory reused) from the JSON text of one line.
void fill_sheet_json(Sheet& sheet, std::string_view json_text, const SourceLoc& where, const AnswerKey& key) {
  thread_local json_line::Document doc;
  if (auto e = doc.parse(json_text)) throw Error(ErrorId::sheet_json, {where.file, where.line, e->column}, "not a JSON object: " + e->message);
  const std::vector<Node>& nodes = doc.nodes();
  auto fail = [&](ErrorId id, const std::string& what) { return Error(id, where, what); };
  if (doc.root().kind != Node::Kind::object) throw fail(ErrorId::sheet_form, "a sheet is a JSON object {\"id\": ..., \"answers\": {...}}");
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
  if (!answers || answers->kind != Node::Kind::object) throw fail(ErrorId::sheet_missing, "the sheet has no \"answers\" object");
  sheet.id.assign(id->text);
  sheet.where = where;
  sheet.notes.clear();
  Placer p(key, sheet);
  for (const Node& m : Children(nodes, *answers))
    if (auto s = p.step(m.key)) p.step_json(*s, nodes, m);
}

SourceLoc loc_of(const std::string& name, std::size_t line, std::size_t column = 1) { return {name, line, column}; }

// Where byte `at` of `text` is, as file:line:col.
SourceLoc loc_at(const std::string& name, std::string_view text, std::size_t at) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  return {name, line, at - start + 1};
}

void check_utf8(std::string_view text, const std::string& name) {
  if (auto at = json_line::invalid_utf8(text))
    throw Error(ErrorId::sheet_json, loc_at(name, text, *at),
                fmt::format("invalid UTF-8 (byte 0x{:02x}); sheets are UTF-8 text", static_cast<unsigned char>(text[*at])));
}

// A file (or standard input) that can be read in blocks; a directory or a missing file is an
// Error naming it.
class Source {
 public:
  explicit Source(const std::string& path) : path_(path) {
    if (path == "-") {
      fd_ = 0;
      return;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error(ErrorId::io_open, {path, 0, 0}, fmt::format("cannot read the sheets file: {}", std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw Error(ErrorId::io_directory, {path, 0, 0}, "is a directory, not a sheets file (JSON Lines, or a .csv)");
    }
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  ~Source() {
    if (fd_ > 0) ::close(fd_);
  }

  // Appends up to `n` bytes to `buf`; false at the end of the file.
  bool read_more(std::string& buf, std::size_t n) {
    std::size_t old = buf.size();
    buf.resize(old + n);
    ssize_t got;
    do got = ::read(fd_, buf.data() + old, n);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
      int err = errno;
      buf.resize(old);
      throw Error(ErrorId::io_read, {path_ == "-" ? "standard input" : path_, 0, 0},
                  fmt::format("cannot read the sheets file: {}", std::strerror(err)));
    }
    buf.resize(old + static_cast<std::size_t>(got));
    return got > 0;
  }

  std::string read_all() {
    std::string text;
    while (read_more(text, 1u << 20)) {
    }
    return text;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

bool is_csv(const std::string& path) { return path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0; }

}  // namespace

void Answers::set(std::size_t cell, Answer::Kind kind, std::string_view text) {
  // A value longer than 4 GB cannot be a number; a text rewritten leaves its old bytes behind.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  slots_[cell] = {static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(text.size()), kind};
  texts_ += text;
}

void check_sheet_ids(const std::vector<Sheet>& sheets) {
  SheetIds ids;
  for (const auto& s : sheets) ids.add(s);
}

// Open addressing over the ids' bytes in one arena: about 30 bytes an id, no node or string
// each. Entries live in a deque, which grows without the copy (and double memory) of a vector.
struct SheetIds::Table {
  struct Entry {
    std::uint64_t offset : 40, length : 24;  // in `bytes`
    std::uint32_t line = 0, file = 0;
  };
  static constexpr std::uint32_t empty = ~std::uint32_t{0};
  std::vector<std::uint32_t> slots = std::vector<std::uint32_t>(1024, empty);  // index into entries
  std::deque<Entry> entries;
  std::string bytes;
  std::vector<std::string> files;

  std::string_view id(const Entry& e) const { return std::string_view(bytes).substr(e.offset, e.length); }
  static std::size_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }

  void grow() {
    slots.assign(2 * slots.size(), empty);
    for (std::uint32_t k = 0; k < entries.size(); ++k) {
      std::size_t i = hash(id(entries[k])) & (slots.size() - 1);
      while (slots[i] != empty) i = (i + 1) & (slots.size() - 1);
      slots[i] = k;
    }
  }
};

SheetIds::SheetIds() : table_(std::make_unique<Table>()) {}
SheetIds::~SheetIds() = default;

void SheetIds::add(const Sheet& sheet) {
  Table& t = *table_;
  if (2 * (t.entries.size() + 1) > t.slots.size()) t.grow();
  std::size_t i = Table::hash(sheet.id) & (t.slots.size() - 1);
  for (; t.slots[i] != Table::empty; i = (i + 1) & (t.slots.size() - 1)) {
    const Table::Entry& e = t.entries[t.slots[i]];
    if (t.id(e) == sheet.id)
      throw Error(ErrorId::sheet_duplicate_id, sheet.where, fmt::format("sheet id '{}' is given twice (first at {})", sheet.id,
                                           SourceLoc{t.files[e.file], e.line, 1}.to_string()));
  }
  if (t.entries.size() >= Table::empty || sheet.where.line > UINT32_MAX || sheet.id.size() >= (1u << 24) ||
      t.bytes.size() >= (std::uint64_t{1} << 40))
    throw Error(ErrorId::limit_sheets, sheet.where, "too many sheets, or an id too long, to check ids for repeats");
  if (t.files.empty() || t.files.back() != sheet.where.file) t.files.push_back(sheet.where.file);
  t.slots[i] = static_cast<std::uint32_t>(t.entries.size());
  Table::Entry e;
  e.offset = t.bytes.size();
  e.length = sheet.id.size();
  e.line = static_cast<std::uint32_t>(sheet.where.line);
  e.file = static_cast<std::uint32_t>(t.files.size() - 1);
  t.entries.push_back(e);
  t.bytes += sheet.id;
}

Sheet read_sheet_json(std::string_view json_text, const SourceLoc& where, const AnswerKey& key) {
  Sheet sheet;
  fill_sheet_json(sheet, json_text, where, key);
  return sheet;
}

std::vector<Sheet> read_sheets_jsonl(std::string_view text, const std::string& name, const AnswerKey& key) {
  text = without_bom(text);
  struct Line {
    std::string_view text;
    std::size_t number;
  };
  std::vector<Line> lines;
  for (std::size_t start = 0, number = 1; start <= text.size(); ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (std::string_view line = trim(text.substr(start, end - start)); !line.empty()) lines.push_back({line, number});
    start = end + 1;
  }
  std::vector<Sheet> sheets(lines.size());
  // Lines are independent: read on every core; the first bad line in the file is reported.
  parallel_for(lines.size(), [&](std::size_t i) { fill_sheet_json(sheets[i], lines[i].text, loc_of(name, lines[i].number), key); });
  check_sheet_ids(sheets);
  return sheets;
}

std::vector<Sheet> read_sheets_csv(std::string_view text, const std::string& name, const AnswerKey& key) {
  // Spreadsheet programs save CSV with a byte order mark: it is not part of the first id.
  std::size_t skipped = text.size() - without_bom(text).size();
  check_utf8(text.substr(skipped), name);
  text = text.substr(skipped);
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
          if (i >= text.size()) throw Error(ErrorId::sheet_csv, loc_of(name, rec.line), "a quoted field is not closed");
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
      throw Error(ErrorId::sheet_csv, loc_of(name, records[r].line), fmt::format("a row has {} fields; the columns are id,step,cell,value", f.size()));
    if (f[0].empty()) throw Error(ErrorId::sheet_csv, loc_of(name, records[r].line), "a row has no id");
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

struct SheetStream::Impl {
  const AnswerKey& key;
  std::string name;
  unsigned threads;
  Source source;
  bool csv;
  // JSON Lines: the unread bytes, from `pos`.
  std::string buf;
  std::size_t pos = 0, line = 0;
  bool eof = false;
  struct Line {
    std::size_t offset, length, number;
  };
  std::vector<Line> lines;
  // CSV: the whole file's sheets.
  std::vector<Sheet> sheets;
  std::size_t next = 0;

  Impl(const std::string& path, const AnswerKey& k, unsigned t)
      : key(k), name(path == "-" ? "-" : path), threads(t), source(path), csv(is_csv(path)) {
    if (csv) sheets = read_sheets_csv(source.read_all(), name, key);
  }

  // Up to `max` non-blank lines; blocks of the file are read as needed.
  void take_lines(std::size_t max) {
    lines.clear();
    buf.erase(0, pos);
    std::size_t scan = 0;
    auto record = [&](std::size_t from, std::size_t to) {
      ++line;
      std::string_view text(buf.data() + from, to - from);
      if (line == 1) text = without_bom(text);
      text = trim(text);
      if (!text.empty()) lines.push_back({static_cast<std::size_t>(text.data() - buf.data()), text.size(), line});
    };
    while (lines.size() < max) {
      const void* nl = scan < buf.size() ? std::memchr(buf.data() + scan, '\n', buf.size() - scan) : nullptr;
      if (nl) {
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
        record(scan, end);
        scan = end + 1;
        continue;
      }
      if (eof) {
        if (scan < buf.size()) record(scan, buf.size());
        scan = buf.size();
        break;
      }
      eof = !source.read_more(buf, std::max<std::size_t>(1u << 20, buf.size() - scan));
    }
    pos = scan;
  }
};

SheetStream::SheetStream(const std::string& path, const AnswerKey& key, unsigned threads)
    : impl_(std::make_unique<Impl>(path, key, threads)) {}
SheetStream::~SheetStream() = default;

bool SheetStream::next(std::vector<Sheet>& batch, std::size_t max) {
  Impl& m = *impl_;
  max = std::max<std::size_t>(max, 1);
  if (m.csv) {
    std::size_t n = std::min(max, m.sheets.size() - m.next);
    batch.resize(n);
    for (std::size_t i = 0; i < n; ++i) batch[i] = std::move(m.sheets[m.next++]);
    return n > 0;
  }
  m.take_lines(max);
  batch.resize(m.lines.size());
  parallel_for(
      m.lines.size(),
      [&](std::size_t i) {
        const Impl::Line& l = m.lines[i];
        fill_sheet_json(batch[i], std::string_view(m.buf).substr(l.offset, l.length), loc_of(m.name, l.number), m.key);
      },
      m.threads);
  return !batch.empty();
}

std::vector<Sheet> read_sheets_file(const std::string& path, const AnswerKey& key) {
  SheetStream in(path, key);
  std::vector<Sheet> sheets, batch;
  SheetIds ids;
  while (in.next(batch)) {
    for (auto& s : batch) {
      ids.add(s);
      sheets.push_back(std::move(s));
    }
  }
  return sheets;
}

}  // namespace handcheck
