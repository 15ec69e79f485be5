// Small text routines every module uses: UTF-8 sequences (Boost.Locale's header-only utf,
// part of Debian's libboost-dev, which the build already needs), trimming blanks, joining and
// escaping markup. One copy each, so that every reader and writer agrees on them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handcheck::detail {

// The length of the UTF-8 sequence that starts at s[i], or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points beyond U+10FFFF are not), or i is past the end.
std::size_t utf8_length(std::string_view s, std::size_t i);

// The offset of the first byte of `s` that is not valid UTF-8, or nullopt.
std::optional<std::size_t> invalid_utf8(std::string_view s);

// The code point at s[i], advancing i past it. When it is not valid: -1, advancing past the
// lead byte and the continuation bytes it announces that follow it (one '?' for a cut sequence).
long next_code_point(std::string_view s, std::size_t& i);

// Appends code point `cp` (a valid one, not a surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// The character at s[i], whole, or "" when no valid UTF-8 sequence starts there.
std::string_view utf8_char(std::string_view s, std::size_t i);

// The largest offset up to `cut` that starts a character: cutting there keeps whole characters.
std::size_t utf8_floor(std::string_view s, std::size_t cut);

// Text quoted in a message: cut after 40 bytes, at a character, with its length, so that a
// message stays one line ("abc… (5000 bytes)").
std::string shortened(std::string_view s);

// The blanks that trim() removes: space, tab, carriage return (of a CRLF line) and line feed.
inline constexpr std::string_view kBlanks = " \t\r\n";

// `s` without blanks (kBlanks) at either end.
std::string_view trim(std::string_view s);

// `parts` with `separator` between them (fmt::join).
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Text for HTML or XML markup, made printable first (control characters written visibly, see
// printable()): & < > " escaped, and the apostrophe as `html` (&#39;) or `xml` (&apos;). The
// `xml` flavour also writes line feeds, tabs and carriage returns as character references, so
// that an attribute value keeps them.
enum class Markup { html, xml };
std::string escape_markup(std::string_view s, Markup flavour);

}  // namespace handcheck::detail
