// Replays inputs through the fuzz entry points without libFuzzer, for the regression test:
//   fuzz_replay TARGET PATH...   (a directory stands for every file below it)
// Each target's source is compiled with LLVMFuzzerTestOneInput renamed to handcheck_fuzz_<target>.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

extern "C" {
int handcheck_fuzz_literal(const std::uint8_t*, std::size_t);
int handcheck_fuzz_expression(const std::uint8_t*, std::size_t);
int handcheck_fuzz_loader(const std::uint8_t*, std::size_t);
int handcheck_fuzz_evaluate(const std::uint8_t*, std::size_t);
int handcheck_fuzz_cells(const std::uint8_t*, std::size_t);
int handcheck_fuzz_sheets(const std::uint8_t*, std::size_t);
}

int main(int argc, char** argv) {
  using Entry = int (*)(const std::uint8_t*, std::size_t);
  const std::map<std::string, Entry> targets = {{"fuzz_literal", handcheck_fuzz_literal},
                                                {"fuzz_expression", handcheck_fuzz_expression},
                                                {"fuzz_loader", handcheck_fuzz_loader},
                                                {"fuzz_evaluate", handcheck_fuzz_evaluate},
                                                {"fuzz_cells", handcheck_fuzz_cells},
                                                {"fuzz_sheets", handcheck_fuzz_sheets}};
  if (argc < 3 || !targets.count(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_replay fuzz_literal|fuzz_expression|fuzz_loader|fuzz_evaluate|fuzz_cells|fuzz_sheets PATH...\n");
    return 2;
  }
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 2; i < argc; ++i) {
    if (fs::is_directory(argv[i])) {
      for (const auto& e : fs::recursive_directory_iterator(argv[i]))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  std::sort(files.begin(), files.end());
  Entry entry = targets.at(argv[1]);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::fprintf(stderr, "%s %s\n", argv[1], f.string().c_str());
    entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::fprintf(stderr, "%s: %zu inputs replayed\n", argv[1], files.size());
  return 0;
}
