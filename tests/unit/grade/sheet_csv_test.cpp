#include <filesystem>
#include <fstream>

#include "handcheck/grade/sheet.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::error_of;
using handcheck::test::seed_key;

BOOST_AUTO_TEST_SUITE(grade_sheet_csv)

BOOST_AUTO_TEST_CASE(csv_sheets) {
  auto sheets = read_sheets_csv("id,step,cell,value\na,Q,\"3,2\",2\nb,Q,q2[3],1\na,Z,z1[1], 1.60 \na,C,q1[1],\n",
                                "t.csv", seed_key());
  BOOST_REQUIRE(sheets.size() == 2u);
  BOOST_TEST(sheets[0].id == "a");
  BOOST_TEST(sheets[0].answers[test::seed_cell("Q", "q2[3]")].text == "2");
  BOOST_TEST(sheets[0].answers[test::seed_cell("Z", "z1[1]")].text == "1.60");
  BOOST_TEST((sheets[0].answers[test::seed_cell("C", "q1[1]")].kind == Answer::Kind::blank));
  BOOST_TEST(sheets[1].answers[test::seed_cell("Q", "q2[3]")].text == "1");
}

BOOST_AUTO_TEST_CASE(a_byte_order_mark_and_crlf_lines) {
  auto sheets = read_sheets_csv("\xEF\xBB\xBFid,step,cell,value\r\na,Q,q2[3],2\r\nb,Q,q2[3],1\r\n", "t.csv", seed_key());
  BOOST_REQUIRE_EQUAL(sheets.size(), 2u);
  BOOST_TEST(sheets[0].id == "a");
  BOOST_TEST(sheets[0].answers[test::seed_cell("Q", "q2[3]")].text == "2");
  BOOST_TEST(sheets[1].answers[test::seed_cell("Q", "q2[3]")].text == "1");
}

BOOST_AUTO_TEST_CASE(quoted_fields_and_bad_rows) {
  auto sheets = read_sheets_csv("id,step,cell,value\n\"a \"\"x\"\"\",Q,\"3,2\",\"1\n\"\n\nb,Q,q2[3],1\n", "t.csv", seed_key());
  BOOST_REQUIRE_EQUAL(sheets.size(), 2u);
  BOOST_TEST(sheets[0].id == "a \"x\"");
  BOOST_TEST(sheets[0].answers[test::seed_cell("Q", "q2[3]")].text == "1");  // a line break is a blank too
  BOOST_TEST(sheets[1].where.line == 5u);  // after a field over two lines and a blank line
  BOOST_TEST(error_of([&] { read_sheets_csv("id,step,cell,value\na,Q,\"3,2\n", "t.csv", seed_key()); }) ==
             "2:1: a quoted field is not closed");
  BOOST_TEST(error_of([&] { read_sheets_csv("a,Q,q2[3]\n", "t.csv", seed_key()); }) ==
             "1:1: a row has 3 fields; the columns are id,step,cell,value");
  BOOST_TEST(error_of([&] { read_sheets_csv("id,step,cell,value\n,Q,q2[3],1\n", "t.csv", seed_key()); }) ==
             "2:1: a row has no id");
  BOOST_TEST(error_of([&] { read_sheets_csv("id,step,cell,value\na,Q,q2[3],\xC3\n", "t.csv", seed_key()); }) ==
             "2:11: invalid UTF-8 (byte 0xc3); sheets are UTF-8 text");
  auto noted = read_sheets_csv("a,Q,q9[9],1\n", "t.csv", seed_key());
  BOOST_REQUIRE_EQUAL(noted[0].notes.size(), 1u);
  BOOST_TEST(noted[0].notes[0] == "Q: no cell 'q9[9]' (line 1); its answer is ignored");
}

// A header is known in any case, with spaces, and in any column order (mapped by name); a row
// that names some of the columns but not the four is refused, never read as a student.
BOOST_AUTO_TEST_CASE(a_header_in_any_case_and_order) {
  auto caps = read_sheets_csv(" ID , Step,Cell,VALUE\na,Q,q2[3],2\n", "t.csv", seed_key());
  BOOST_REQUIRE_EQUAL(caps.size(), 1u);
  BOOST_TEST(caps[0].id == "a");
  BOOST_TEST(caps[0].answers[test::seed_cell("Q", "q2[3]")].text == "2");
  auto reordered = read_sheets_csv("value,cell,step,id\n2,q2[3],Q,a\n1,\"3,2\",Q,b\n", "t.csv", seed_key());
  BOOST_REQUIRE_EQUAL(reordered.size(), 2u);
  BOOST_TEST(reordered[0].id == "a");
  BOOST_TEST(reordered[0].answers[test::seed_cell("Q", "q2[3]")].text == "2");
  BOOST_TEST(reordered[1].id == "b");
  BOOST_TEST(reordered[1].answers[test::seed_cell("Q", "q2[3]")].text == "1");
  BOOST_TEST(error_of([&] { read_sheets_csv("id,step,cell,answer\na,Q,q2[3],2\n", "t.csv", seed_key()); }) ==
             "1:1: the header row must name the four columns id, step, cell and value (in any order), and no other");
  BOOST_TEST(error_of([&] { read_sheets_csv("Id,Step,Cell,Value,Note\na,Q,q2[3],2,x\n", "t.csv", seed_key()); }) ==
             "1:1: the header row must name the four columns id, step, cell and value (in any order), and no other");
  // A step called "value" in the first row is data.
  BOOST_TEST(read_sheets_csv("a,value,v1,2\n", "t.csv", seed_key())[0].id == "a");
}

BOOST_AUTO_TEST_SUITE_END()
