#include "handcheck/detail/text.hpp"

#include <boost/locale/utf.hpp>
#include <fmt/format.h>
#include <cstdint>
#include <cstring>

#include "handcheck/printable.hpp"

namespace handcheck::detail {

namespace {

using Utf8 = boost::locale::utf::utf_traits<char>;

}  // namespace

std::size_t utf8_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char* begin = s.data() + i;
  const char* at = begin;
  boost::locale::utf::code_point c = Utf8::decode(at, s.data() + s.size());
  if (c == boost::locale::utf::illegal || c == boost::locale::utf::incomplete) return 0;
  return static_cast<std::size_t>(at - begin);
}

std::optional<std::size_t> invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII eight bytes at a time: most text is.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

long next_code_point(std::string_view s, std::size_t& i) {
  std::size_t n = utf8_length(s, i);
  if (n == 0) {
    // Past the lead byte and the continuation bytes it announces that follow it.
    auto lead = static_cast<unsigned char>(s[i++]);
    int trail = lead < 0xC0 || lead >= 0xF8 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    for (; trail > 0 && i < s.size() && Utf8::is_trail(s[i]); --trail) ++i;
    return -1;
  }
  const char* at = s.data() + i;
  i += n;
  return static_cast<long>(Utf8::decode(at, s.data() + s.size()));
}

void append_utf8(std::string& out, char32_t cp) {
  Utf8::encode(static_cast<boost::locale::utf::code_point>(cp), std::back_inserter(out));
}

std::string_view utf8_char(std::string_view s, std::size_t i) { return s.substr(i, utf8_length(s, i)); }

std::size_t utf8_floor(std::string_view s, std::size_t cut) {
  cut = std::min(cut, s.size());
  while (cut > 0 && cut < s.size() && Utf8::is_trail(s[cut])) --cut;
  return cut;
}

std::string shortened(std::string_view s) {
  constexpr std::size_t kMost = 40;
  if (s.size() <= kMost) return std::string(s);
  return fmt::format("{}… ({} bytes)", s.substr(0, utf8_floor(s, kMost)), s.size());
}

std::string_view trim(std::string_view s) {
  std::size_t first = s.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return s.substr(s.size());
  return s.substr(first, s.find_last_not_of(kBlanks) - first + 1);
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  return fmt::format("{}", fmt::join(parts, separator));
}

std::string escape_markup(std::string_view raw, Markup flavour) {
  std::string s = printable(raw);
  std::string out;
  out.reserve(s.size());
  const bool xml = flavour == Markup::xml;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += xml ? "&apos;" : "&#39;"; break;
      case '\n': out += xml ? "&#10;" : "\n"; break;
      case '\t': out += xml ? "&#9;" : "\t"; break;
      case '\r': out += xml ? "&#13;" : "\r"; break;
      default:
        // printable() leaves no other control character (XML 1.0 forbids them).
        if (!xml || static_cast<unsigned char>(ch) >= 0x20) out += ch;
    }
  }
  return out;
}

}  // namespace handcheck::detail
