// A two-step case for the report renderers: Y prints one wrong cell (5 for 4, a typo: Z uses
// the correct value), Z is right; its title needs escaping in every format.
#pragma once

#include "test_support.hpp"

namespace handcheck::test {

inline const char* kTinyCase = R"(format: handcheck/1
title: A <tiny> & "quoted" case
inputs:
  x: [[1, 2], [3, 4]]
steps:
  - name: Y
    do: x * 2
    columns: y
    stated: [[2, 5], [6, 8]]
  - name: Z
    do: Y + 1
    stated: [[3, 5], [7, 9]]
)";

inline CaseAudit tiny_audit() { return audit_text(kTinyCase, "dir/tiny.case.yaml"); }

}  // namespace handcheck::test
