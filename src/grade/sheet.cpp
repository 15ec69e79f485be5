#include "handcheck/grade/sheet.hpp"

#include <deque>
#include <fmt/format.h>

#include "handcheck/detail/text.hpp"

namespace handcheck {

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
  // An id is written on every row of a long gradebook: a megabyte's id on 90 000 rows was 90 GB.
  constexpr std::size_t kLongestId = 1024;
  if (sheet.id.size() > kLongestId)
    throw Error(ErrorId::limit_sheets, sheet.where,
                fmt::format("a sheet id of {} bytes, longer than the {} an id may have", sheet.id.size(), kLongestId));
  Table& t = *table_;
  if (2 * (t.entries.size() + 1) > t.slots.size()) t.grow();
  std::size_t i = Table::hash(sheet.id) & (t.slots.size() - 1);
  for (; t.slots[i] != Table::empty; i = (i + 1) & (t.slots.size() - 1)) {
    const Table::Entry& e = t.entries[t.slots[i]];
    if (t.id(e) == sheet.id)
      throw Error(ErrorId::sheet_duplicate_id, sheet.where,
                  fmt::format("sheet id '{}' is given twice (first at {})", detail::shortened(sheet.id),
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

}  // namespace handcheck
