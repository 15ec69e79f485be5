#include "handcheck/render/key.hpp"

#include <fmt/format.h>

#include "handcheck/render/key_html.hpp"
#include "handcheck/render/key_json.hpp"
#include "handcheck/render/key_latex.hpp"
#include "handcheck/render/key_markdown.hpp"

namespace handcheck {

const std::vector<std::string>& key_formats() {
  static const std::vector<std::string> formats{"md", "tex", "html", "json"};
  return formats;
}

std::string render_key(const CaseAudit& a, std::string_view format, const KeyOptions& options) {
  if (format == "md") return render_key_markdown(a, options);
  if (format == "tex") return render_key_latex(a, options);
  if (format == "html") return render_key_html(a, options);
  if (format == "json") return render_key_json(a, options);
  throw DomainError(ErrorId::cli_format, fmt::format("unknown key format '{}' (md, tex, html or json)", format));
}

}  // namespace handcheck
