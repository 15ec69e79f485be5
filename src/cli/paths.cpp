#include "paths.hpp"

#include <algorithm>
#include <filesystem>

namespace handcheck::cli {

std::vector<CasePath> expand_case_paths(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<CasePath> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && (it->path().extension() == ".yaml" || it->path().extension() == ".yml"))
          found.push_back(it->path().generic_string());
      }
      std::sort(found.begin(), found.end());
      // Nothing checked is not a clean result: say so.
      if (found.empty()) out.push_back({p, true});
      for (auto& f : found) out.push_back({std::move(f), false});
    } else {
      out.push_back({p, false});
    }
  }
  return out;
}

}  // namespace handcheck::cli
