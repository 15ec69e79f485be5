#include "paths.hpp"

#include <algorithm>
#include <filesystem>

namespace handcheck::cli {

namespace {

namespace fs = std::filesystem;

bool is_case_name(const fs::path& p) { return p.extension() == ".yaml" || p.extension() == ".yml"; }

// Every case file below `dir`, and an entry with a problem for each directory that cannot be
// read and each case name that is not a readable file: what is not checked is never left out
// silently, since a report of the rest would read as clean. Links to directories are not
// followed (no loops); links to files are.
void walk(const fs::path& dir, std::vector<CasePath>& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
      walk(p, out);
    } else if (is_case_name(p)) {
      if (it->is_regular_file(type_ec)) out.push_back({p.generic_string(), std::nullopt});
      else
        out.push_back({p.generic_string(), Error(ErrorId::io_open, {p.generic_string(), 0, 0},
                                                 "not a readable case file (a dangling link, a pipe or a device)")});
    }
  }
  if (ec)
    out.push_back({dir.generic_string(), Error(ErrorId::io_open, {dir.generic_string(), 0, 0},
                                               "cannot read this directory: " + ec.message())});
}

}  // namespace

std::vector<CasePath> expand_case_paths(const std::vector<std::string>& paths) {
  std::vector<CasePath> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<CasePath> found;
      walk(p, found);
      std::sort(found.begin(), found.end(), [](const CasePath& a, const CasePath& b) { return a.path < b.path; });
      // Nothing checked is not a clean result: say so.
      if (found.empty()) out.push_back({p, Error(ErrorId::cli_no_cases, {p, 0, 0}, kNoCaseFiles)});
      for (auto& f : found) out.push_back(std::move(f));
    } else {
      out.push_back({p, std::nullopt});
    }
  }
  return out;
}

}  // namespace handcheck::cli
