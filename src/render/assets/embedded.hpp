// The answer key page's style sheet and script, compiled in from key.css and key.js beside
// this file (cmake/EmbedAsset.cmake), so the page needs nothing at run time. Private to
// src/render.
#pragma once

#include <string_view>

namespace handcheck::assets {

extern const std::string_view key_css;
extern const std::string_view key_js;

}  // namespace handcheck::assets
