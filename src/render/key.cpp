#include "handcheck/render/key.hpp"

#include <fmt/format.h>

#include "handcheck/render/formats.hpp"

namespace handcheck {

namespace {

const KeyFormat& key_format(std::string_view format) {
  const KeyFormat* f = find_key_format(format);
  if (!f)
    throw DomainError(ErrorId::cli_format, fmt::format("unknown key format '{}' ({})", format,
                                                       fmt::join(format_names(key_formats()), ", ")));
  return *f;
}

}  // namespace

std::string render_key(const CaseAudit& a, std::string_view format, const KeyOptions& options) {
  return key_format(format).render(a, options);
}

void write_key(const CaseAudit& a, std::string_view format, const KeyOptions& options, const TextSink& sink) {
  const KeyFormat& f = key_format(format);
  if (f.write) return f.write(a, options, sink);
  sink(f.render(a, options));
}

}  // namespace handcheck
