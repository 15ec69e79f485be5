#include <filesystem>
#include <fstream>

#include "handcheck/grade/sheet.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::error_of;
using handcheck::test::seed_key;

BOOST_AUTO_TEST_SUITE(grade_sheet_json)

BOOST_AUTO_TEST_CASE(json_numbers_keep_their_text) {
  Sheet s = read_sheet_json(R"({"id": 7, "answers": {"Z": {"z1": [1.60, 1.0e0, "1"]},
                                "C": [10, 42.000, 24, 66], "Q": {"2,2": 12345678901234567890123},
                                "V": {"v1[1]": null, "v1[2]": "?", "v1[3]": true}, "W": 1}})",
                            {"t.jsonl", 1, 1}, seed_key());
  BOOST_TEST(s.id == "7");
  BOOST_TEST(s.answers[test::seed_cell("Z", "z1[1]")].text == "1.60");
  BOOST_TEST(s.answers[test::seed_cell("Z", "z1[2]")].text == "1.0e0");
  BOOST_TEST(s.answers[test::seed_cell("C", "q2[1]")].text == "42.000");
  BOOST_TEST(s.answers[test::seed_cell("Q", "q2[2]")].text == "12345678901234567890123");
  BOOST_TEST((s.answers[test::seed_cell("V", "v1[1]")].kind == Answer::Kind::blank));
  BOOST_TEST((s.answers[test::seed_cell("V", "v1[2]")].kind == Answer::Kind::blank));
  BOOST_TEST((s.answers[test::seed_cell("V", "v1[3]")].kind == Answer::Kind::invalid));
  BOOST_REQUIRE(s.notes.size() == 1u);  // W is no step
  BOOST_CHECK_THROW(read_sheet_json(R"({"answers": {}})", {"t.jsonl", 2, 1}, seed_key()), Error);
  BOOST_CHECK_THROW(read_sheet_json(R"({"id": "x", "answers": {)", {"t.jsonl", 3, 1}, seed_key()), Error);
  // Lines are read in parallel; the first bad line is the one reported.
  std::string lines = "{\"id\": \"a\", \"answers\": {}}\n{bad\n";
  for (int i = 0; i < 200; ++i) lines += "{worse\n";
  try {
    read_sheets_jsonl(lines, "t.jsonl", seed_key());
    BOOST_FAIL("no error for a bad line");
  } catch (const Error& e) {
    BOOST_TEST(e.where().line == 2u);
  }
}

BOOST_AUTO_TEST_CASE(answers_as_a_matrix_a_vector_or_cells) {
  Sheet s = read_sheet_json(R"({"id": "m", "answers": {"C": [[10, 40, 24, 66]], "Z": {"z2": ["8/7", 1.14, "x"]},
                                "Q": {"2,3": 4}}})",
                            {"t.jsonl", 1, 1}, seed_key());
  BOOST_TEST(s.id == "m");
  BOOST_TEST(s.answers[test::seed_cell("C", "q2[1]")].text == "40");
  BOOST_TEST(s.answers[test::seed_cell("C", "q4[1]")].text == "66");
  BOOST_TEST(s.answers[test::seed_cell("Z", "z2[1]")].text == "8/7");
  BOOST_TEST(s.answers[test::seed_cell("Z", "z2[2]")].text == "1.14");
  BOOST_TEST(s.answers[test::seed_cell("Q", "q3[2]")].text == "4");
  BOOST_TEST((s.answers[test::seed_cell("Q", "q1[1]")].kind == Answer::Kind::blank));  // not given
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_and_blank_lines) {
  auto lines = read_sheets_jsonl("\xEF\xBB\xBF{\"id\": \"a\", \"answers\": {\"C\": [10, 42, 24, 66]}}\n \r\n", "t.jsonl", seed_key());
  BOOST_REQUIRE_EQUAL(lines.size(), 1u);
  BOOST_TEST(lines[0].answers[test::seed_cell("C", "q2[1]")].text == "42");
}

BOOST_AUTO_TEST_CASE(bad_lines_are_errors_at_their_line) {
  // Invalid UTF-8 on the second line.
  std::string bad = "{\"id\": \"a\", \"answers\": {}}\n{\"id\": \"b\xFF\", \"answers\": {}}\n";
  BOOST_TEST(error_of([&] { read_sheets_jsonl(bad, "t.jsonl", seed_key()); }).rfind("2:", 0) == 0u);
  BOOST_TEST(error_of([&] { read_sheet_json(R"({"id": "a", "id": "b", "answers": {}})", {"t", 4, 1}, seed_key()); }) ==
             "4:1: the sheet has \"id\" twice");
  BOOST_TEST(error_of([&] { read_sheet_json(R"({"id": "a", "answers": []})", {"t", 5, 1}, seed_key()); }) ==
             "5:1: the sheet has no \"answers\" object");
  BOOST_TEST(error_of([&] { read_sheet_json("[1]", {"t", 6, 1}, seed_key()); }) ==
             "6:1: a sheet is a JSON object {\"id\": ..., \"answers\": {...}}");
}

BOOST_AUTO_TEST_SUITE_END()
