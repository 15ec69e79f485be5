#include <boost/test/unit_test.hpp>

#include "handcheck/detail/text.hpp"

using namespace handcheck::detail;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(utf8_sequences) {
  BOOST_TEST(utf8_length("\xE2\x82\xAC", 0) == 3u);      // € U+20AC
  BOOST_TEST(utf8_length("\xED\xA0\x80", 0) == 0u);      // a UTF-16 surrogate
  BOOST_TEST(utf8_length("\xF4\x90\x80\x80", 0) == 0u);  // beyond U+10FFFF
  BOOST_TEST(utf8_length("\xE2\x82", 0) == 0u);          // cut short
  BOOST_TEST((invalid_utf8("plain ascii, long enough for a word or two") == std::nullopt));
  BOOST_TEST((invalid_utf8("0123456789abcdef\xC3\xA9-\xFF") == std::optional<std::size_t>(19)));
  BOOST_TEST((invalid_utf8("\xC0\x80") == std::optional<std::size_t>(0)));  // overlong
  std::string s = "a\xC3\xA9\xFF";
  std::size_t i = 0;
  BOOST_TEST(next_code_point(s, i) == 'a');
  BOOST_TEST(next_code_point(s, i) == 0xE9);
  BOOST_TEST(i == 3u);
  BOOST_TEST(next_code_point(s, i) == -1);
  BOOST_TEST(i == 4u);
  std::string cut = "\xE2\x82" "A\x80\x80";  // a cut sequence, then stray continuation bytes
  i = 0;
  BOOST_TEST(next_code_point(cut, i) == -1);
  BOOST_TEST(i == 2u);
  BOOST_TEST(next_code_point(cut, i) == 'A');
  BOOST_TEST(next_code_point(cut, i) == -1);
  BOOST_TEST(i == 4u);
  std::string out;
  for (char32_t cp : {U'x', U'\u00E9', U'\u20AC', U'\U0001F600'}) append_utf8(out, cp);
  BOOST_TEST(out == "x\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  BOOST_TEST(utf8_char("x\xE2\x82\xAC", 1) == "\xE2\x82\xAC");
  BOOST_TEST(utf8_char("x\xE2\x82", 1) == "");
  BOOST_TEST(utf8_floor("ab\xE2\x82\xAC", 3) == 2u);
  BOOST_TEST(utf8_floor("ab\xE2\x82\xAC", 5) == 5u);
}

BOOST_AUTO_TEST_CASE(sheet_text_checks) {
  BOOST_TEST(!invalid_utf8("plain ascii, long enough to take the eight-byte path"));
  BOOST_TEST(!invalid_utf8("\xEF\xBB\xBFid,é,€,😀"));
  BOOST_TEST(*invalid_utf8("abcdefghij\xFFk") == 10u);
  BOOST_TEST(*invalid_utf8("ab\xE2\x82") == 2u);  // cut short
  BOOST_TEST(utf8_length("\xF0\x9F\x98\x80", 0) == 4u);
  BOOST_TEST(utf8_length("\x80", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(shortened_keeps_whole_characters) {
  BOOST_TEST(shortened("short") == "short");
  std::string long_text = std::string(39, 'a') + "\xE2\x82\xAC" + "tail";
  BOOST_TEST(shortened(long_text) == std::string(39, 'a') + "… (46 bytes)");
}

BOOST_AUTO_TEST_CASE(trim_join_and_markup) {
  BOOST_TEST(trim(" \t\r\n a b \r\n") == "a b");
  BOOST_TEST(trim(" \t ") == "");
  BOOST_TEST(trim("x") == "x");
  BOOST_TEST(join({"a", "b", "c"}, ", ") == "a, b, c");
  BOOST_TEST(join({}, ", ") == "");
  BOOST_TEST(escape_markup("<a href=\"x\">Tom's & co</a>", Markup::html) ==
             "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;");
  BOOST_TEST(escape_markup("it's\n\ta\x1b", Markup::xml) == "it&apos;s&#10;&#9;a\\x1b");
  BOOST_TEST(escape_markup("line\nbreak", Markup::html) == "line\nbreak");
}

BOOST_AUTO_TEST_SUITE_END()
