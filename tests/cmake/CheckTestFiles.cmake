# Tests mirror sources: every library source src/<path>/<name>.cpp (src/cli/ excluded: the
# command line is tested end to end by tests/cli) has a unit test tests/unit/**/<name>_test.cpp.
# Run as cmake -DSOURCE_DIR=<project> -P CheckTestFiles.cmake; fails naming each source
# without its test.
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=<project> -P CheckTestFiles.cmake")
endif()

# Sources allowed, for a while, without their test: none today; a source added here names
# the work that brings its test.
set(allowed_without_test)

file(GLOB_RECURSE sources RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/src/*.cpp)
file(GLOB_RECURSE tests RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/tests/unit/*_test.cpp)
set(test_names)
foreach(t ${tests})
  get_filename_component(n ${t} NAME)
  list(APPEND test_names ${n})
endforeach()

set(missing)
foreach(s ${sources})
  if(s MATCHES "^src/cli/")
    continue()
  endif()
  get_filename_component(n ${s} NAME_WE)
  list(FIND test_names ${n}_test.cpp found)
  list(FIND allowed_without_test ${s} allowed)
  if(found EQUAL -1 AND allowed EQUAL -1)
    list(APPEND missing ${s})
  elseif(NOT found EQUAL -1 AND NOT allowed EQUAL -1)
    message(SEND_ERROR "${s} has its test now: remove it from allowed_without_test in ${CMAKE_CURRENT_LIST_FILE}")
  endif()
endforeach()
foreach(s ${allowed_without_test})
  if(NOT EXISTS ${SOURCE_DIR}/${s})
    message(SEND_ERROR "${s} is in allowed_without_test but does not exist: remove it")
  endif()
endforeach()

if(missing)
  list(LENGTH missing count)
  string(REPLACE ";" "\n  " listed "${missing}")
  message(FATAL_ERROR "${count} library source(s) without a unit test tests/unit/<module>/<name>_test.cpp:\n  ${listed}")
endif()
