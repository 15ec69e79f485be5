#include <boost/test/unit_test.hpp>

#include "stated_cells.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

// Y = 2X is 2x3: [[2, 4, 6], [8, 10, 12]], rows r1, r2 and columns c1..c3; STATED is its
// stated line, on line 9.
const char* kCase = R"(format: handcheck/1
inputs:
  X: [[1, 2, 3], [4, 5, 6]]
steps:
  - name: Y
    do: X * 2
    rows: r
    columns: c
STATED
)";

Case with_stated(const std::string& stated) { return load_case_text(test::replace_once(kCase, "STATED", stated), "s.yaml"); }

const Item& y(const Case& c) {
  for (const auto& it : c.items)
    if (it.name == "Y") return it;
  throw std::logic_error("no step Y");
}

const Shape kShape{2, 3};

// The message and place of place_stated's error, else "no error".
std::string placing_error(const std::string& stated) {
  Case c = with_stated(stated);
  try {
    place_stated(y(c), kShape);
  } catch (const Error& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_stated_cells)

BOOST_AUTO_TEST_CASE(a_whole_matrix_is_placed_cell_for_cell) {
  Case c = with_stated("    stated: [[2, 4, 6], [8, null, 12]]");
  auto m = place_stated(y(c), kShape);
  BOOST_TEST(m.shape() == kShape);
  BOOST_REQUIRE(m(0, 0).has_value());
  BOOST_TEST(m(0, 0)->value == Rational(2));
  BOOST_TEST(m(1, 2)->value == Rational(12));
  BOOST_TEST(m(1, 2)->text == "12");
  BOOST_TEST(!m(1, 1).has_value());  // a blank
  auto loc = stated_cell_loc(y(c), 1, 2);
  BOOST_TEST(loc.line == 9u);
  BOOST_TEST(loc.column == 35u);  // "12" in "    stated: [[2, 4, 6], [8, null, 12]]"
}

BOOST_AUTO_TEST_CASE(named_vectors_fill_their_column_or_row) {
  Case col = with_stated("    stated: {c2: [4, 10]}");
  auto m = place_stated(y(col), kShape);
  BOOST_TEST(m(0, 1)->value == Rational(4));
  BOOST_TEST(m(1, 1)->value == Rational(10));
  BOOST_TEST(!m(0, 0).has_value());
  BOOST_TEST(!m(1, 2).has_value());
  BOOST_TEST(stated_cell_loc(y(col), 1, 1).column == 22u);  // "10"
  BOOST_TEST(stated_cell_loc(y(col), 0, 0).line == 9u);    // not stated: the entry itself

  Case row = with_stated("    stated: {r2: [8, 10, 13]}");
  auto n = place_stated(y(row), kShape);
  BOOST_TEST(n(1, 0)->value == Rational(8));
  BOOST_TEST(n(1, 2)->value == Rational(13));
  BOOST_TEST(!n(0, 2).has_value());
}

BOOST_AUTO_TEST_CASE(single_cells_go_to_their_row_and_column) {
  Case c = with_stated("    stated: {'1,1': 2, '2,3': 12}");
  auto m = place_stated(y(c), kShape);
  BOOST_TEST(m(0, 0)->value == Rational(2));
  BOOST_TEST(m(1, 2)->value == Rational(12));
  std::size_t stated = 0;
  for (std::size_t r = 0; r < 2; ++r)
    for (std::size_t k = 0; k < 3; ++k) stated += m(r, k).has_value();
  BOOST_TEST(stated == 2u);
  auto loc = stated_cell_loc(y(c), 1, 2);
  BOOST_TEST(loc.line == 9u);
  BOOST_TEST(loc.column == 31u);  // "12"
}

BOOST_AUTO_TEST_CASE(stated_numbers_that_do_not_fit_are_errors_at_their_place) {
  BOOST_TEST(placing_error("    stated: [[2, 4], [8, 10]]") == "9:13: step Y: stated is 2x2, but Y is 2x3");
  BOOST_TEST(placing_error("    stated: {c9: [1, 2]}") == "9:14: step Y: no column or row of Y is named 'c9'");
  BOOST_TEST(placing_error("    stated: {c1: [1, 2, 3]}") == "9:14: step Y: stated c1 has 3 entries, but it has 2");
  BOOST_TEST(placing_error("    stated: {r1: [1, 2]}") == "9:14: step Y: stated r1 has 2 entries, but it has 3");
  BOOST_TEST(placing_error("    stated: {'3,1': 5}") == "9:14: step Y: stated cell \"3,1\" is outside Y, which is 2x3");
  BOOST_TEST(placing_error("    stated: {'2,3': 5}") == "no error");
}

// Through the audit: the error of the case, at the stated entry.
BOOST_AUTO_TEST_CASE(stated_shape_mismatch_is_an_error_with_place) {
  std::string seed = test::read_file(test::source_path("cases/self-attention-6-3.yaml"));
  std::string t = test::replace_once(seed, "      - [10, 42, 24, 66]", "      - [10, 42, 24]");
  CaseAudit a = test::audit_text(t, "s.yaml");
  BOOST_TEST((a.status == CaseAudit::Status::error));
  BOOST_TEST(a.error->message() == "step C: stated is 1x3, but C is 1x4");
  BOOST_TEST(a.error->where().line == 127u);
}

// A token-by-token matrix names its rows and its columns alike: a stated vector by one of those
// names could be either, and is an error rather than a guess (the column was taken).
BOOST_AUTO_TEST_CASE(a_name_of_both_a_row_and_a_column_is_an_error) {
  const char* text = R"(format: handcheck/1
inputs:
  X: [[1, 2, 3], [4, 5, 6]]
steps:
  - name: Y
    do: X * 2
    rows: [a, b]
    columns: [a, b, c]
    stated: STATED
)";
  auto error_of = [&](const std::string& stated) -> std::string {
    Case cs = load_case_text(test::replace_once(text, "STATED", stated), "s.yaml");
    try {
      place_stated(y(cs), kShape);
    } catch (const Error& e) {
      return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
    }
    return "no error";
  };
  BOOST_TEST(error_of("{a: [2, 8]}") ==
             "9:14: step Y: 'a' names both a column and a row of Y: state it as a matrix or by \"row,col\" cells");
  BOOST_TEST(error_of("{c: [6, 12]}") == "no error");
}

BOOST_AUTO_TEST_SUITE_END()
