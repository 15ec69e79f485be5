#include <boost/test/unit_test.hpp>

#include "handcheck/printable.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(printable_text)

BOOST_AUTO_TEST_CASE(utf8_sequence_lengths) {
  BOOST_TEST(utf8_length("a", 0) == 1u);
  BOOST_TEST(utf8_length("\xC3\xA9", 0) == 2u);          // é U+00E9
  BOOST_TEST(utf8_length("\xE2\x82\xAC", 0) == 3u);      // € U+20AC
  BOOST_TEST(utf8_length("\xF0\x9F\x98\x80", 0) == 4u);  // U+1F600
  BOOST_TEST(utf8_length("x\xC3\xA9", 1) == 2u);
  BOOST_TEST(utf8_length("a", 1) == 0u);                  // past the end
  BOOST_TEST(utf8_length("\x80", 0) == 0u);               // a lone continuation byte
  BOOST_TEST(utf8_length("\xC0\x80", 0) == 0u);           // overlong NUL
  BOOST_TEST(utf8_length("\xC1\xBF", 0) == 0u);           // overlong U+007F
  BOOST_TEST(utf8_length("\xE0\x80\x80", 0) == 0u);       // overlong three bytes
  BOOST_TEST(utf8_length("\xED\xA0\x80", 0) == 0u);       // surrogate U+D800
  BOOST_TEST(utf8_length("\xED\x9F\xBF", 0) == 3u);       // U+D7FF, just below
  BOOST_TEST(utf8_length("\xF4\x8F\xBF\xBF", 0) == 4u);   // U+10FFFF
  BOOST_TEST(utf8_length("\xF4\x90\x80\x80", 0) == 0u);   // U+110000
  BOOST_TEST(utf8_length("\xF5\x80\x80\x80", 0) == 0u);
  BOOST_TEST(utf8_length("\xE2\x82", 0) == 0u);           // cut short
  BOOST_TEST(utf8_length("\xE2\x82x", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(whole_strings) {
  BOOST_TEST(is_utf8(""));
  BOOST_TEST(is_utf8("h\xC3\xA9llo \xE2\x82\xAC"));
  BOOST_TEST(!is_utf8("h\xE9llo"));  // Latin-1 é
  BOOST_TEST(!is_utf8("ok\xF0\x9F\x98"));
}

BOOST_AUTO_TEST_CASE(invalid_bytes_become_the_replacement_character) {
  BOOST_TEST(to_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  BOOST_TEST(to_utf8("h\xE9llo") == "h\xEF\xBF\xBDllo");
  // Each byte of a cut-short sequence is replaced on its own.
  BOOST_TEST(to_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(to_utf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(to_utf8("\xC3\xA9\xE2\x82\xAC") == "\xC3\xA9\xE2\x82\xAC");
  BOOST_TEST(printable("a\xFF") == "a\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(control_characters_are_written_visibly) {
  BOOST_TEST(printable("red \x1b[31mtext") == "red \\x1b[31mtext");
  BOOST_TEST(printable(std::string("a\0b", 3)) == "a\\x00b");
  BOOST_TEST(printable("a\x7f") == "a\\x7f");
  BOOST_TEST(printable("over\rwrite") == "over\\x0dwrite");
  BOOST_TEST(printable("line\nnext\tcol") == "line\nnext\tcol");
  BOOST_TEST(printable("line\nnext\tcol", false) == "line\\x0anext\\x09col");
  BOOST_TEST(printable("over\rwrite", false) == "over\\x0dwrite");
  BOOST_TEST(printable(" ~") == " ~");
}

BOOST_AUTO_TEST_CASE(c1_controls_and_non_characters) {
  BOOST_TEST(printable("a\xC2\x9B" "31m") == "a\\u009b31m");  // CSI
  BOOST_TEST(printable("\xC2\x80\xC2\x85\xC2\x9F") == "\\u0080\\u0085\\u009f");
  BOOST_TEST(printable("\xC2\xA0") == "\xC2\xA0");  // no-break space, U+00A0, stays
  BOOST_TEST(printable("\xEF\xBF\xBE|\xEF\xBF\xBF") == "\\ufffe|\\uffff");
  BOOST_TEST(printable("\xEF\xBF\xBD") == "\xEF\xBF\xBD");  // U+FFFD itself stays
  BOOST_TEST(printable("\xEF\xBF\xBC") == "\xEF\xBF\xBC");  // U+FFFC
}

BOOST_AUTO_TEST_CASE(json_keeps_its_meaning) {
  BOOST_TEST(json_printable("{\"a\":\"x\xC2\x9By\"}") == "{\"a\":\"x\\u009by\"}");
  BOOST_TEST(json_printable("[\"\xEF\xBF\xBF\",\"\xEF\xBF\xBE\"]") == "[\"\\uffff\",\"\\ufffe\"]");
  BOOST_TEST(json_printable("[\"\xC2\xA0\xC3\xA9\xEF\xBF\xBD\"]") == "[\"\xC2\xA0\xC3\xA9\xEF\xBF\xBD\"]");
  BOOST_TEST(json_printable("{\"n\":1}") == "{\"n\":1}");
  BOOST_TEST(json_printable("[\"a\x7F\"]") == "[\"a\\u007f\"]");  // DEL
}

// Text that reorders or breaks the line around it (Trojan Source): written as the LaTeX key does.
BOOST_AUTO_TEST_CASE(bidi_controls_and_separators_are_written_visibly) {
  BOOST_TEST(printable("a\xE2\x80\xAE" "cba") == "a[U+202E]cba");                      // RLO
  BOOST_TEST(printable("\xE2\x80\xAA\xE2\x80\xAD\xE2\x80\xAC") == "[U+202A][U+202D][U+202C]");
  BOOST_TEST(printable("\xE2\x81\xA6x\xE2\x81\xA9") == "[U+2066]x[U+2069]");          // isolates
  BOOST_TEST(printable("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C") == "[U+200E][U+200F][U+061C]");  // marks
  BOOST_TEST(printable("a\xE2\x80\xA8" "b\xE2\x80\xA9") == "a[U+2028]b[U+2029]");     // separators
  BOOST_TEST(printable("\xE2\x80\x8D\xE2\x80\xA6\xE2\x81\xAA") == "\xE2\x80\x8D\xE2\x80\xA6\xE2\x81\xAA");  // ZWJ, ..., U+206A stay
  BOOST_TEST(json_printable("[\"a\xE2\x80\xAE\xE2\x80\xA8\xD8\x9C\"]") == "[\"a\\u202e\\u2028\\u061c\"]");
  BOOST_TEST(json_printable("[\"\xE2\x80\xA6\"]") == "[\"\xE2\x80\xA6\"]");
  // Invisible characters: soft hyphen, zero-width space, word joiner, zero-width no-break space.
  BOOST_TEST(printable("Q\xC2\xAD" "1") == "Q[U+00AD]1");
  BOOST_TEST(printable("Q\xE2\x80\x8B" "1\xE2\x81\xA0" "2\xEF\xBB\xBF") == "Q[U+200B]1[U+2060]2[U+FEFF]");
  BOOST_TEST(printable("\xE2\x80\x8D") == "\xE2\x80\x8D");  // a zero-width joiner stays (emoji, scripts)
  BOOST_TEST(json_printable("\"a\xC2\xAD\"") == "\"a\\u00ad\"");
}

BOOST_AUTO_TEST_SUITE_END()
