// Checks a case with the installed library and prints one line per erratum.
#include <handcheck/audit/audit.hpp>
#include <handcheck/render/text.hpp>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: consumer CASE\n");
    return 2;
  }
  handcheck::CaseAudit a = handcheck::audit_file(argv[1]);
  if (a.status == handcheck::CaseAudit::Status::error) {
    std::fprintf(stderr, "%s\n", a.error->what());
    return 2;
  }
  std::printf("%zu cells stated, %zu ok\n", a.stated, a.ok);
  for (const handcheck::ErratumGroup& g : handcheck::group_errata(a))
    std::printf("%s\n", handcheck::erratum_words(a, g).headline.c_str());
  return a.status == handcheck::CaseAudit::Status::clean ? 0 : 1;
}
