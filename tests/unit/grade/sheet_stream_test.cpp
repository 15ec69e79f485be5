#include <filesystem>
#include <fstream>

#include "handcheck/grade/sheet.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::error_of;
using handcheck::test::seed_key;

BOOST_AUTO_TEST_SUITE(grade_sheet_stream)

BOOST_AUTO_TEST_CASE(files_are_read_by_their_extension) {
  auto dir = std::filesystem::temp_directory_path();
  auto csv = dir / "handcheck-sheet-test.csv", jsonl = dir / "handcheck-sheet-test.jsonl";
  { std::ofstream(csv) << "id,step,cell,value\na,Q,q2[3],2\n"; }
  { std::ofstream(jsonl) << "{\"id\": \"a\", \"answers\": {\"Q\": {\"q2[3]\": 2}}}\n"; }
  for (const auto& path : {csv, jsonl}) {
    BOOST_TEST_CONTEXT(path.string()) {
      auto sheets = read_sheets_file(path.string(), seed_key());
      BOOST_REQUIRE_EQUAL(sheets.size(), 1u);
      BOOST_TEST(sheets[0].id == "a");
      BOOST_TEST(sheets[0].answers[test::seed_cell("Q", "q2[3]")].text == "2");
    }
  }
  std::filesystem::remove(csv);
  std::filesystem::remove(jsonl);
}

BOOST_AUTO_TEST_CASE(a_stream_gives_batches_in_order) {
  auto path = std::filesystem::temp_directory_path() / "handcheck-sheet-stream-test.jsonl";
  {
    std::ofstream out(path);
    for (int i = 0; i < 5; ++i) out << "{\"id\": \"s" << i << "\", \"answers\": {}}\n\n";
  }
  SheetStream in(path.string(), seed_key(), 2);
  std::vector<Sheet> batch;
  std::vector<std::size_t> sizes;
  std::string ids;
  while (in.next(batch, 2)) {
    sizes.push_back(batch.size());
    for (const auto& s : batch) ids += s.id + "@" + std::to_string(s.where.line) + " ";
  }
  BOOST_TEST(sizes == (std::vector<std::size_t>{2, 2, 1}), boost::test_tools::per_element());
  BOOST_TEST(ids == "s0@1 s1@3 s2@5 s3@7 s4@9 ");
  std::filesystem::remove(path);
  BOOST_TEST(error_of([] { SheetStream(std::filesystem::temp_directory_path().string(), seed_key()); }) ==
             "0:0: is a directory, not a sheets file (JSON Lines, or a .csv)");
}

BOOST_AUTO_TEST_SUITE_END()
