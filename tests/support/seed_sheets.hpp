// The answer key of cases/self-attention-6-3.yaml and sheets answered against it, for the
// tests of grading and of its outputs.
#pragma once

#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/selftest.hpp"
#include "test_support.hpp"

namespace handcheck::test {

inline const AnswerKey& seed_key() {
  static AnswerKey key(std::make_shared<Case>(load_case_file(source_path("cases/self-attention-6-3.yaml"))));
  return key;
}

// The index of a cell of the seed key: step name and label.
inline std::size_t seed_cell(const std::string& step, const std::string& cell) {
  auto s = seed_key().find_step(step);
  BOOST_REQUIRE(s);
  auto c = seed_key().find_cell(*s, cell);
  BOOST_REQUIRE_MESSAGE(c, step + " " + cell);
  return *c;
}

inline Sheet seed_correct_sheet(const std::string& id = "right") {
  Sheet s;
  s.id = id;
  s.answers = Answers(seed_key().cells().size());
  for (std::size_t i = 0; i < seed_key().cells().size(); ++i)
    s.answers.set(i, Answer::Kind::value, *correct_answer(seed_key(), i));
  return s;
}

// The colsum slip of cases/slips/self-attention-colsum-slip.yaml: C q2 = 40, A and Z carried on.
inline Sheet seed_colsum_slip_sheet() {
  Sheet s = seed_correct_sheet("colsum");
  s.answers.set(seed_cell("C", "q2[1]"), Answer::Kind::value, "40");
  const char* a[] = {"9/40", "3/40", "27/40", "3/40"};
  const char* z[] = {"1.80", "1.20", "0.45"};
  for (int k = 0; k < 4; ++k) s.answers.set(seed_cell("A", "q2[" + std::to_string(k + 1) + "]"), Answer::Kind::value, a[k]);
  for (int k = 0; k < 3; ++k) s.answers.set(seed_cell("Z", "z2[" + std::to_string(k + 1) + "]"), Answer::Kind::value, z[k]);
  return s;
}

}  // namespace handcheck::test
