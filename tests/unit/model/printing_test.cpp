#include <boost/test/unit_test.hpp>

#include "handcheck/model/printing.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

const Item& step(const Case& c, const std::string& name) { return c.items.at(static_cast<std::size_t>(c.find(name))); }

}  // namespace

BOOST_AUTO_TEST_SUITE(model_printing)

BOOST_AUTO_TEST_CASE(most_decimals_of_each_stated_form) {
  Case c = load_case_text(R"(format: handcheck/1
inputs:
  X: [[1, 2], [3, 4]]
steps:
  - name: M
    do: X / 4
    stated: [[0.25, 0.5], ["3/4", 1]]
  - name: V
    do: X / 4
    columns: v
    stated: {v1: [0.250, 0.75], v2: [0.5, null]}
  - name: C
    do: X / 4
    stated: {"2,2": 1.0000, "1,1": 0.25}
  - name: F
    do: X / 4
    stated: [["1/4", "1/2"], ["3/4", 1]]
  - name: N
    do: X / 4
  - name: B
    do: X / 4
    stated: [["?", null], [null, "?"]]
  - name: E
    do: X * 100
    stated: [[1e2, 200], [300, 400]]
)",
                          "p.yaml");
  BOOST_TEST(printed_decimals(step(c, "M")) == 2);
  BOOST_TEST(printed_decimals(step(c, "V")) == 3);  // 0.250: as printed, trailing zero and all
  BOOST_TEST(printed_decimals(step(c, "C")) == 4);
  BOOST_TEST(printed_decimals(step(c, "F")) == -1);  // fractions and integers only
  BOOST_TEST(printed_decimals(step(c, "N")) == -1);  // nothing stated
  BOOST_TEST(printed_decimals(step(c, "B")) == -1);  // blanks only
  BOOST_TEST(printed_decimals(step(c, "X")) == -1);  // an input
  BOOST_TEST(printed_decimals(step(c, "E")) == 0);   // 1e2 is a decimal with none
}

BOOST_AUTO_TEST_SUITE_END()
