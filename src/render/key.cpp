#include "handcheck/render/key.hpp"

#include <fmt/format.h>

#include "handcheck/render/formats.hpp"

namespace handcheck {

std::string render_key(const CaseAudit& a, std::string_view format, const KeyOptions& options) {
  const KeyFormat* f = find_key_format(format);
  if (!f)
    throw DomainError(ErrorId::cli_format, fmt::format("unknown key format '{}' ({})", format,
                                                       fmt::join(format_names(key_formats()), ", ")));
  return f->render(a, options);
}

}  // namespace handcheck
