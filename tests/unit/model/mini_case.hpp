// The small case every model test varies, and the message of the Error a variant raises.
#pragma once

#include <string>

#include "handcheck/model/loader.hpp"
#include "test_support.hpp"

namespace handcheck::test {

inline constexpr const char* kMini = R"(format: handcheck/1
title: mini
follows: hand
compare: abs:0.01
digits: 12
inputs:
  X:
    value: [[1, 2], [3, 4]]
    columns: x
    explain: two vectors
  w: [1.5, "1/3"]
  k: 2
steps:
  - name: Y
    do: X * w
    columns: [a, b]
    stated: {a: [1.5, 4.5]}
  - name: Z
    hand: floor(Y / k)
    exact: Y / sqrt(k)
    compare: printed
    stated: [[0, null], ["?", 0.50]]
)";

inline std::string load_error(const std::string& yaml) {
  try {
    load_case_text(yaml, "t.yaml");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace handcheck::test
