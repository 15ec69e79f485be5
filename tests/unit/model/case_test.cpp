#include <boost/test/unit_test.hpp>

#include "handcheck/model/case.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(model_case)

BOOST_AUTO_TEST_CASE(labels_by_prefix) {
  Labels l;
  BOOST_TEST(l.empty());
  BOOST_TEST(l.at(0) == "");
  BOOST_TEST(!l.index_of("q1").has_value());
  l.prefix = "q";
  BOOST_TEST(!l.empty());
  BOOST_TEST(l.at(0) == "q1");
  BOOST_TEST(l.at(11) == "q12");
  BOOST_TEST(l.find("q3", 4) == 2);
  BOOST_TEST(l.find("q5", 4) == -1);  // beyond the n vectors
  BOOST_TEST(*l.index_of("q12") == 11u);
  BOOST_TEST(*l.index_of("q5") == 4u);  // whatever the count
  BOOST_TEST(*l.index_of("q123456789") == 123456788u);
  for (const char* bad : {"q", "q0", "q01", "q1x", "x1", "Q1", "q-1", "q1234567890", ""})
    BOOST_TEST(!l.index_of(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(labels_by_name) {
  Labels l;
  l.names = {"k1", "query", "v"};
  l.prefix = "ignored";  // a list wins over a prefix
  BOOST_TEST(l.at(1) == "query");
  BOOST_TEST(l.at(3) == "");
  BOOST_TEST(l.find("v", 3) == 2);
  BOOST_TEST(l.find("v", 2) == -1);
  BOOST_TEST(*l.index_of("query") == 1u);
  BOOST_TEST(!l.index_of("ignored1").has_value());
  BOOST_TEST(!l.index_of("k2").has_value());
}

BOOST_AUTO_TEST_CASE(expression_offsets_map_to_columns_on_one_line) {
  Expression e;
  e.loc = {"c.yaml", 3, 9};
  BOOST_TEST(e.at(4).column == 13u);
  BOOST_TEST(e.at(4).line == 3u);
  BOOST_TEST(e.at(4).file == "c.yaml");
  BOOST_TEST(e.at(0).column == 9u);
  e.single_line = false;  // a block scalar: the start is all that is known
  BOOST_TEST(e.at(4).column == 9u);
  e.single_line = true;
  e.loc.line = 0;  // unknown place
  BOOST_TEST(e.at(4).column == 9u);
}

BOOST_AUTO_TEST_CASE(cell_labels) {
  Item item;
  item.name = "Q";
  BOOST_TEST(item.cell_label(2, 1) == "Q[3,2]");
  item.rows.prefix = "k";
  BOOST_TEST(item.cell_label(2, 1) == "k3[2]");  // a named row: its column
  item.columns.prefix = "q";
  BOOST_TEST(item.cell_label(2, 1) == "q2[3]");  // named columns win
  item.columns = Labels{};
  item.columns.names = {"a"};
  BOOST_TEST(item.cell_label(0, 0) == "a[1]");
  BOOST_TEST(item.cell_label(0, 1) == "k1[2]");  // beyond the names: the row's
}

BOOST_AUTO_TEST_CASE(items_by_name_and_digits) {
  Case c;
  c.items.resize(3);
  c.items[0].name = "X";
  c.items[1].name = "Q";
  c.items[2].name = "Q2";
  BOOST_TEST(c.find("X") == 0);
  BOOST_TEST(c.find("Q2") == 2);
  BOOST_TEST(c.find("q") == -1);
  BOOST_TEST(c.find("") == -1);
  c.items[1].digits = 12;
  c.set_digits(50);
  BOOST_TEST(c.digits == 50);
  for (const auto& item : c.items) BOOST_TEST(item.digits == 50);
  BOOST_TEST(Case{}.find("X") == -1);
}

BOOST_AUTO_TEST_SUITE_END()
