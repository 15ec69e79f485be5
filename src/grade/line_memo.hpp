// Sheets already read and graded, by the bytes of their JSON line with the id's text taken out.
// A class exported by one tool repeats whole lines under new ids (every correct sheet, the
// common slips): such a line is neither parsed nor graded again.
//
// Why it is exact: the id's text must be a plain JSON string (no escape, no control byte, valid
// UTF-8, not empty) at the same offset as in the remembered line, whose parse put its id there.
// The parser then reads both lines through the same states, byte for byte, apart from that
// string's text: the same answers, the same notes, another id. A grade depends on the answers
// alone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/sheet.hpp"

namespace handcheck::sheets {

// Where the id's text lies in a line: after the first "id", a colon and a quote (JSON white
// space between), up to the next quote; nullopt unless that text is plain.
struct IdSpan {
  std::size_t at = 0, length = 0;
};
std::optional<IdSpan> plain_id_span(std::string_view line);

class LineMemo {
 public:
  struct Entry {
    std::string text;  // the line without its id's text
    std::size_t id_at = 0;
    Answers answers;
    std::vector<std::string> notes;
    SheetGrade grade;
  };
  // One line looked up: `found` is the remembered sheet, if any.
  struct Probe {
    std::optional<IdSpan> span;
    std::size_t hash = 0;
    const Entry* found = nullptr;
  };

  // Bytes held, about: past it the memo starts again.
  static constexpr std::size_t max_bytes = 24u << 20;

  // Safe to call from several threads at once, not while add() runs.
  Probe probe(std::string_view line) const;
  // Remembers a line's sheet and grade, when its parse put the id at the probe's span
  // (`parsed_id_at`: the offset of the id's text in the line, if it was a view of it).
  void add(std::string_view line, const Probe& p, std::optional<std::size_t> parsed_id_at, const Sheet& sheet,
           const SheetGrade& grade);
  // `sheet` as the remembered one, with the line's own id and place.
  static void fill(Sheet& sheet, const Entry& e, std::string_view line, IdSpan span, const SourceLoc& where);

 private:
  std::unordered_multimap<std::size_t, Entry> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace handcheck::sheets
