# Writes a C++ source that holds one file's bytes, for handcheck_embed_asset (EmbedAsset.cmake):
#   cmake -DINPUT=key.css -DOUTPUT=key_css.cpp -DSYMBOL=key_css -P embed_asset.cmake
# The bytes go in as a char array of hex numbers, so no content (quotes, backslashes, a raw
# string's delimiter, bytes above 127) can change what the compiler reads.
foreach(var INPUT OUTPUT SYMBOL)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_asset.cmake: -D${var}=... is required")
  endif()
endforeach()
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
# Sixteen bytes a line (CMake's regular expressions have no {n}).
string(REPEAT "'[^']+'," 16 line)
string(REGEX REPLACE "(${line})" "\\1\n    " bytes "${bytes}")
get_filename_component(input_name "${INPUT}" NAME)
set(text "// Generated from ${input_name} by cmake/embed_asset.cmake: edit that file, not this one.
#include \"embedded.hpp\"

namespace handcheck::assets {

namespace {
constexpr char kBytes[] = {
    ${bytes}'\\0'};
}  // namespace

const std::string_view ${SYMBOL}(kBytes, ${size});

}  // namespace handcheck::assets
")
# Rewritten only when it changes, so an unchanged asset recompiles nothing.
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
  if(old STREQUAL text)
    return()
  endif()
endif()
file(WRITE "${OUTPUT}" "${text}")
