#include "handcheck/printable.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace handcheck {

bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

namespace {

// The code point of the valid `n`-byte sequence at s[i].
char32_t code_point(std::string_view s, std::size_t i, std::size_t n) {
  static constexpr unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = static_cast<unsigned char>(s[i]) & lead_bits[n];
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// Characters that reorder or break the text around them (bidi embeddings, overrides, isolates
// and marks; the line and paragraph separators), or that show as nothing at all (soft hyphen,
// zero-width space, word joiner, zero-width no-break space): a name could show as another
// name, or a message on a line of its own. The zero-width joiners, which scripts and emoji
// need, are kept.
bool reorders_text(char32_t cp) {
  return cp == 0x00AD || cp == 0x061C || cp == 0x200B || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

}  // namespace

std::string printable(std::string_view s, bool keep_line_breaks) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s, i);
    auto c = static_cast<unsigned char>(s[i]);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (n == 1) {
      bool kept = keep_line_breaks && (c == '\n' || c == '\t');
      if ((c < 0x20 && !kept) || c == 0x7F) out += fmt::format("\\x{:02x}", c);
      else out += static_cast<char>(c);
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));  // C1: U+0080..U+009F
    } else if (n == 3 && s.substr(i, 2) == "\xEF\xBF" && static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
      out += fmt::format("\\u{:04x}", 0xFF00 + (static_cast<unsigned char>(s[i + 2]) & 0x3F) + 0xC0);
    } else if (n > 1 && reorders_text(code_point(s, i, n))) {
      out += fmt::format("[U+{:04X}]", static_cast<std::uint32_t>(code_point(s, i, n)));  // as the LaTeX key
    } else {
      out.append(s, i, n);
    }
    i += n;
  }
  return out;
}

std::string json_printable(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    auto c = static_cast<unsigned char>(json[i]);
    auto next = [&](std::size_t k) { return i + k < json.size() ? static_cast<unsigned char>(json[i + k]) : 0u; };
    if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && next(1) >= 0x80 && next(1) < 0xA0) {
      out += fmt::format("\\u{:04x}", next(1));
      ++i;
    } else if (c == 0xEF && next(1) == 0xBF && next(2) >= 0xBE) {
      out += fmt::format("\\u{:04x}", 0xFF00 + 0xC0 + (next(2) & 0x3F));
      i += 2;
    } else if (std::size_t n = c >= 0x80 ? utf8_length(json, i) : 0; n > 1 && reorders_text(code_point(json, i, n))) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(code_point(json, i, n)));
      i += n - 1;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace handcheck
