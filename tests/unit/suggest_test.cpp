#include <boost/test/unit_test.hpp>

#include "handcheck/suggest.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(suggest)

BOOST_AUTO_TEST_CASE(edit_distances) {
  BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
  BOOST_TEST(edit_distance("flaw", "lawn") == 2u);
  BOOST_TEST(edit_distance("", "abc") == 3u);
  BOOST_TEST(edit_distance("abc", "") == 3u);
  BOOST_TEST(edit_distance("", "") == 0u);
  BOOST_TEST(edit_distance("softmax", "softmax") == 0u);
  BOOST_TEST(edit_distance("ab", "ba") == 2u);  // no transpositions
  // Bytes, not code points: é is two bytes.
  BOOST_TEST(edit_distance("e", "é") == 2u);
}

BOOST_AUTO_TEST_CASE(closest_candidate_within_a_distance) {
  std::vector<std::string> names{"exp", "exps", "log"};
  BOOST_TEST(closest("exq", names, 2) == "exp");
  BOOST_TEST(closest("lgo", names, 2) == "log");
  BOOST_TEST(closest("lgo", names, 1) == "");
  BOOST_TEST(closest("exp", names, 0) == "exp");
  BOOST_TEST(closest("sqrt", names, 2) == "");
  BOOST_TEST(closest("x", {}, 5) == "");
  // Ties go to the first candidate.
  BOOST_TEST(closest("ab", {"ac", "ad"}, 1) == "ac");
}

BOOST_AUTO_TEST_CASE(hints_for_names_from_numpy_and_pytorch) {
  BOOST_TEST(function_hint("transpose") == "unknown function 'transpose': write M^T");
  BOOST_TEST(function_hint("matmul") == "unknown function 'matmul': write A @ B");
  BOOST_TEST(function_hint("argmin") ==
             "unknown function 'argmin': there is no argmin; argmax_cols(-M) or argmax_rows(-M) gives it");
  BOOST_TEST(function_hint("softmax").starts_with("unknown function 'softmax': write softmax_cols(M) or softmax_rows(M)"));
  BOOST_TEST(function_hint("mean").starts_with("unknown function 'mean': write colmean(M) or rowmean(M)"));
  BOOST_TEST(function_hint("dot") == "unknown function 'dot': write A @ B (for vectors, a^T @ b)");
  BOOST_TEST(function_hint("relu") == "");
  BOOST_TEST(function_hint("Softmax") == "");
  BOOST_TEST(function_hint("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
