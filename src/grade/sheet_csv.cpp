#include <algorithm>
#include <array>
#include <deque>
#include <optional>
#include <fmt/format.h>
#include <unordered_map>

#include "answer_placer.hpp"
#include "handcheck/grade/sheet.hpp"
#include "handcheck/detail/text.hpp"

namespace handcheck {

namespace {

using sheets::trim;

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
  if (auto at = detail::invalid_utf8(text))
    throw Error(
        ErrorId::sheet_json, loc_at(name, text, *at),
        fmt::format("invalid UTF-8 (byte 0x{:02x}); sheets are UTF-8 text", static_cast<unsigned char>(text[*at])));
}

struct Record {
  std::vector<std::string> fields;
  std::size_t line;
};

// RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
class Records {
 public:
  Records(std::string_view text, const std::string& name) : text_(text), name_(name) {}

  std::vector<Record> read() {
    std::vector<Record> records;
    while (i_ < text_.size()) {
      Record rec{{}, line_};
      bool done = false;
      while (!done) done = field(rec);
      if (rec.fields.size() == 1 && trim(rec.fields[0]).empty()) continue;  // a blank line
      records.push_back(std::move(rec));
    }
    return records;
  }

 private:
  // One field into `rec`; true when it ends the record.
  bool field(Record& rec) {
    std::string f;
    if (i_ < text_.size() && text_[i_] == '"') quoted(rec, f);
    while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n') f += text_[i_++];
    rec.fields.push_back(std::move(f));
    if (i_ < text_.size() && text_[i_] == ',') {
      ++i_;
      return false;
    }
    if (i_ < text_.size()) {
      ++i_;
      ++line_;
    }
    return true;
  }

  void quoted(const Record& rec, std::string& f) {
    ++i_;
    for (;;) {
      if (i_ >= text_.size()) throw Error(ErrorId::sheet_csv, {name_, rec.line, 1}, "a quoted field is not closed");
      if (text_[i_] == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          f += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        return;
      }
      if (text_[i_] == '\n') ++line_;
      f += text_[i_++];
    }
  }

  std::string_view text_;
  const std::string& name_;
  std::size_t line_ = 1, i_ = 0;
};

constexpr std::array<std::string_view, 4> kColumns{"id", "step", "cell", "value"};

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Where each of id, step, cell, value stands in a header row (names in any case and order),
// or nullopt when the row is data. A row naming some of the columns but not exactly the four
// is a header written wrong: it must not become a student.
std::optional<std::array<std::size_t, 4>> header_columns(const std::vector<std::string>& f, const SourceLoc& where) {
  std::array<std::size_t, 4> at{};
  std::array<bool, 4> seen{};
  std::size_t named = 0;
  for (std::size_t i = 0; i < f.size(); ++i) {
    auto k = std::find(kColumns.begin(), kColumns.end(), lowered(f[i]));
    if (k == kColumns.end()) continue;
    auto c = static_cast<std::size_t>(k - kColumns.begin());
    if (!seen[c]) ++named;
    seen[c] = true;
    at[c] = i;
  }
  // One name alone, other than id, is data: a step may be called "value".
  if (named == 0 || (named == 1 && !seen[0])) return std::nullopt;
  if (named != 4 || f.size() != 4)
    throw Error(ErrorId::sheet_csv, where,
                "the header row must name the four columns id, step, cell and value (in any order), and no other");
  return at;
}

}  // namespace

std::vector<Sheet> read_sheets_csv(std::string_view text, const std::string& name, const AnswerKey& key) {
  // Spreadsheet programs save CSV with a byte order mark: it is not part of the first id.
  text = sheets::without_bom(text);
  check_utf8(text, name);
  std::vector<Record> records = Records(text, name).read();
  // Deques: a placer keeps a reference to its sheet while more sheets are added.
  std::deque<Sheet> read;
  std::deque<sheets::Placer> placers;
  std::unordered_map<std::string, std::size_t> index;
  std::array<std::size_t, 4> column{0, 1, 2, 3};
  for (std::size_t r = 0; r < records.size(); ++r) {
    auto& row = records[r].fields;
    SourceLoc where{name, records[r].line, 1};
    for (auto& x : row) x = std::string(trim(x));
    if (r == 0)
      if (auto header = header_columns(row, where)) {
        column = *header;
        continue;
      }
    if (row.size() != 4)
      throw Error(ErrorId::sheet_csv, where,
                  fmt::format("a row has {} fields; the columns are id,step,cell,value", row.size()));
    std::array<std::string, 4> f{row[column[0]], row[column[1]], row[column[2]], row[column[3]]};
    if (f[0].empty()) throw Error(ErrorId::sheet_csv, where, "a row has no id");
    auto [it, fresh] = index.emplace(f[0], read.size());
    if (fresh) {
      read.emplace_back();
      read.back().id = f[0];
      read.back().where = where;
      placers.emplace_back(key, read.back());
    }
    sheets::Placer& p = placers[it->second];
    auto s = p.step(f[1]);
    if (!s) continue;
    if (auto cell = key.find_cell(*s, f[2])) p.set(*cell, sheets::answer_from_text(f[3]));
    else p.note(fmt::format("{}: no cell '{}' (line {}); its answer is ignored", detail::shortened(f[1]),
                             detail::shortened(f[2]), records[r].line));
  }
  return {std::make_move_iterator(read.begin()), std::make_move_iterator(read.end())};
}

}  // namespace handcheck
