#include <filesystem>
#include <fstream>

#include "handcheck/grade/sheet.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::error_of;
using handcheck::test::seed_key;

BOOST_AUTO_TEST_SUITE(grade_sheet)

BOOST_AUTO_TEST_CASE(an_id_given_twice_is_an_error_naming_the_first) {
  std::string twice = "{\"id\": \"a\", \"answers\": {}}\n{\"id\": \"b\", \"answers\": {}}\n{\"id\": \"a\", \"answers\": {}}\n";
  BOOST_TEST(error_of([&] { read_sheets_jsonl(twice, "t.jsonl", seed_key()); }) ==
             "3:1: sheet id 'a' is given twice (first at t.jsonl:1:1)");
  BOOST_TEST(error_of([&] { read_sheets_csv("id,step,cell,value\na,Q,q2[3],2\na,Q,q2[2],2\n", "t.csv", seed_key()); }) == "no error");
  // Across files, and past the table's first growth.
  SheetIds ids;
  Sheet s;
  for (int i = 0; i < 3000; ++i) {
    s.id = "id" + std::to_string(i);
    s.where = {i < 1500 ? "one" : "two", static_cast<std::size_t>(i % 1500 + 1), 1};
    ids.add(s);
  }
  s.id = "id1700";
  s.where = {"three", 9, 1};
  BOOST_TEST(error_of([&] { ids.add(s); }) == "9:1: sheet id 'id1700' is given twice (first at two:201:1)");
}

BOOST_AUTO_TEST_CASE(answers_keep_their_text_compactly) {
  Answers a(3);
  a.set(1, Answer::Kind::value, "1.50");
  a.set(2, Answer::Kind::invalid, "yes");
  a.set(1, Answer::Kind::value, "2");
  BOOST_TEST((a.kind(0) == Answer::Kind::blank));
  BOOST_TEST(a.text(1) == "2");
  BOOST_TEST(a[2].text == "yes");
  a.reset(2);
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST((a.kind(1) == Answer::Kind::blank));
}

BOOST_AUTO_TEST_SUITE_END()
