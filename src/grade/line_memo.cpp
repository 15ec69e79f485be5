#include "line_memo.hpp"

#include "handcheck/detail/text.hpp"

namespace handcheck::sheets {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// The text a plain JSON string reads to itself: no escape, no control byte, valid UTF-8.
bool plain(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\\' || c < 0x20) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = detail::utf8_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::size_t hash_of(std::string_view line, IdSpan span) {
  std::hash<std::string_view> h;
  std::size_t a = h(line.substr(0, span.at)), b = h(line.substr(span.at + span.length));
  return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2)) ^ (span.at * 0xff51afd7ed558ccdull);
}

bool same_text(const LineMemo::Entry& e, std::string_view line, IdSpan span) {
  return e.id_at == span.at && e.text.size() + span.length == line.size() &&
         std::string_view(e.text).substr(0, span.at) == line.substr(0, span.at) &&
         std::string_view(e.text).substr(span.at) == line.substr(span.at + span.length);
}

}  // namespace

std::optional<IdSpan> plain_id_span(std::string_view line) {
  std::size_t name = line.find("\"id\"");
  if (name == std::string_view::npos) return std::nullopt;
  std::size_t i = skip_space(line, name + 4);
  if (i >= line.size() || line[i] != ':') return std::nullopt;
  i = skip_space(line, i + 1);
  if (i >= line.size() || line[i] != '"') return std::nullopt;
  std::size_t end = line.find('"', i + 1);
  if (end == std::string_view::npos || end == i + 1) return std::nullopt;
  IdSpan span{i + 1, end - i - 1};
  if (!plain(line.substr(span.at, span.length))) return std::nullopt;
  return span;
}

LineMemo::Probe LineMemo::probe(std::string_view line) const {
  Probe p;
  p.span = plain_id_span(line);
  if (!p.span) return p;
  p.hash = hash_of(line, *p.span);
  auto [from, to] = entries_.equal_range(p.hash);
  for (auto it = from; it != to; ++it)
    if (same_text(it->second, line, *p.span)) {
      p.found = &it->second;
      break;
    }
  return p;
}

void LineMemo::add(std::string_view line, const Probe& p, std::optional<std::size_t> parsed_id_at, const Sheet& sheet,
                   const SheetGrade& grade) {
  if (p.found || !p.span || parsed_id_at != p.span->at || sheet.id.size() != p.span->length) return;
  Entry e;
  e.text.reserve(line.size() - p.span->length);
  e.text.append(line.substr(0, p.span->at)).append(line.substr(p.span->at + p.span->length));
  e.id_at = p.span->at;
  e.answers = sheet.answers;
  e.notes = sheet.notes;
  e.grade = grade;
  std::size_t size = 2 * e.text.size() + 16 * e.answers.size() + 2 * grade.cells.size() + 256;
  for (const auto& note : e.notes) size += note.size() + 32;
  if (bytes_ + size > max_bytes) {
    entries_.clear();
    bytes_ = 0;
  }
  // A line repeated within one batch is read twice before either is remembered.
  auto [from, to] = entries_.equal_range(p.hash);
  for (auto it = from; it != to; ++it)
    if (same_text(it->second, line, *p.span)) return;
  entries_.emplace(p.hash, std::move(e));
  bytes_ += size;
}

void LineMemo::fill(Sheet& sheet, const Entry& e, std::string_view line, IdSpan span, const SourceLoc& where) {
  sheet.id.assign(line.substr(span.at, span.length));
  sheet.where = where;
  sheet.answers = e.answers;
  sheet.notes = e.notes;
}

}  // namespace handcheck::sheets
