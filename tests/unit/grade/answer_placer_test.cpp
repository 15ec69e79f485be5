#include <filesystem>
#include <fstream>

#include "handcheck/grade/sheet.hpp"
#include "../../../src/grade/answer_placer.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::error_of;
using handcheck::test::seed_key;

BOOST_AUTO_TEST_SUITE(grade_answer_placer)

BOOST_AUTO_TEST_CASE(text_answers) {
  BOOST_TEST((sheets::answer_from_text(" ? ").kind == Answer::Kind::blank));
  BOOST_TEST((sheets::answer_from_text("\t\r").kind == Answer::Kind::blank));
  BOOST_TEST(sheets::answer_from_text(" 1.50\r").text == "1.50");
  BOOST_TEST(sheets::trim(" \t a b\r ") == "a b");
  BOOST_TEST(sheets::without_bom("\xEF\xBB\xBFid") == "id");
}

BOOST_AUTO_TEST_CASE(what_cannot_be_placed_is_noted) {
  Sheet s = read_sheet_json(R"({"id": "n", "answers": {"X": [1], "C": [[1, 2]], "Z": {"z9": [1], "z1": [1, 2]},
                                "Q": {"3,2": 4, "q2[3]": 5}, "S": 7}})",
                            {"t.jsonl", 1, 1}, seed_key());
  std::vector<std::string> expected{
      "X is an input, not a step; its answers are not graded",
      "C: the answer is not a 1x4 matrix; it is ignored",
      "Z: no cell or vector is named 'z9'; its answer is ignored",
      "Z: z1 needs a list of 3 values; its answer is ignored",
      "Q q2[3] is answered twice; the last answer counts",
      "S: a single value answers a 4x4 step; it is ignored"};
  BOOST_TEST(s.notes == expected, boost::test_tools::per_element());
  BOOST_TEST(s.answers[test::seed_cell("Q", "q2[3]")].text == "5");
}

BOOST_AUTO_TEST_SUITE_END()
