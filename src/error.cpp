#include "handcheck/error.hpp"

#include <fmt/format.h>

namespace handcheck {

std::string SourceLoc::to_string() const {
  if (line == 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

namespace {

// Messages quote the input, and reports (JSON above all) must stay UTF-8 whatever it was:
// a byte that is not part of a UTF-8 sequence becomes U+FFFD.
std::string as_utf8(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80                 ? 1
                    : (c >= 0xC2 && c <= 0xDF) ? 2
                    : (c >= 0xE0 && c <= 0xEF) ? 3
                    : (c >= 0xF0 && c <= 0xF4) ? 4
                                               : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 3) {
      auto b = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && b < 0xA0) && !(c == 0xED && b >= 0xA0);  // overlong, surrogate
    }
    if (ok && n == 4) {
      auto b = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && b < 0x90) && !(c == 0xF4 && b >= 0x90);  // overlong, beyond U+10FFFF
    }
    if (ok) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace

Error::Error(SourceLoc where, std::string message)
    : std::runtime_error(as_utf8(where.to_string() + ": " + message)),
      where_(std::move(where)),
      message_(as_utf8(std::move(message))) {}

}  // namespace handcheck
