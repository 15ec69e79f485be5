#include <filesystem>
#include <fstream>

#include "../../../src/grade/line_memo.hpp"
#include "../../../src/grade/sheet_json.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using namespace handcheck::sheets;
using handcheck::test::seed_cell;
using handcheck::test::seed_key;

namespace {

// A line read and graded, then remembered as the stream does.
void remember(LineMemo& memo, std::string_view line) {
  Sheet sheet;
  std::optional<std::size_t> id_at;
  fill_sheet_json(sheet, line, {"t", 1, 1}, seed_key(), &id_at);
  SheetGrade grade = Grader(seed_key()).grade(sheet);
  memo.add(line, memo.probe(line), id_at, sheet, grade);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_line_memo)

BOOST_AUTO_TEST_CASE(the_id_is_found_only_as_plain_text) {
  auto span = plain_id_span(R"({"id": "s17", "answers": {}})");
  BOOST_REQUIRE(span);
  BOOST_TEST(span->at == 8u);
  BOOST_TEST(span->length == 3u);
  BOOST_TEST(plain_id_span(R"({ "id" :	"é" })").has_value());
  // An escape, a control byte, invalid UTF-8, an empty id, a number: read by the parser alone.
  for (std::string_view line : {R"({"id": "s\u0031"})", "{\"id\": \"a\tb\"}", "{\"id\": \"\xC3(\"}", R"({"id": ""})",
                                R"({"id": 17})", R"({"answers": {}})", R"({"id": "open)"})
    BOOST_TEST(!plain_id_span(line).has_value(), line);
}

BOOST_AUTO_TEST_CASE(a_line_repeated_under_another_id_is_found_with_its_grade) {
  LineMemo memo;
  std::string wrong = R"({"id": "first", "answers": {"C": [[10, 40, 24, 66]]}})";
  remember(memo, wrong);
  auto probe = memo.probe(R"({"id": "second", "answers": {"C": [[10, 40, 24, 66]]}})");
  BOOST_REQUIRE(probe.found);
  BOOST_TEST(probe.found->grade.erratum == 1u);
  Sheet sheet;
  LineMemo::fill(sheet, *probe.found, R"({"id": "second", "answers": {"C": [[10, 40, 24, 66]]}})", *probe.span,
                 {"t", 9, 1});
  BOOST_TEST(sheet.id == "second");
  BOOST_TEST(sheet.where.line == 9u);
  BOOST_TEST(sheet.answers.text(seed_cell("C", "q2[1]")) == "40");
  // One byte more or less anywhere else is another sheet.
  BOOST_TEST(!memo.probe(R"({"id": "second", "answers": {"C": [[10, 40, 24, 67]]}})").found);
  BOOST_TEST(!memo.probe(R"({"id": "second", "answers": {"C": [[10, 40, 24, 66]] }})").found);
  BOOST_TEST(!memo.probe(R"({"id":  "second", "answers": {"C": [[10, 40, 24, 66]]}})").found);
}

// The first "id" of a line need not be the sheet's: such a line is not remembered, so that no
// line is given the id of another member.
BOOST_AUTO_TEST_CASE(a_line_whose_first_id_is_not_the_sheets_is_not_remembered) {
  LineMemo memo;
  remember(memo, R"({"answers": {"id": "x", "C": [[10, 40, 24, 66]]}, "id": "x"})");
  BOOST_TEST(!memo.probe(R"({"answers": {"id": "y", "C": [[10, 40, 24, 66]]}, "id": "x"})").found);
  remember(memo, R"({"id": "a\u0062", "answers": {}})");
  BOOST_TEST(!memo.probe(R"({"id": "a\u0062", "answers": {}})").found);
}

// Graded through the stream: the same rows with and without remembered lines.
BOOST_AUTO_TEST_CASE(a_stream_that_remembers_lines_grades_as_one_that_does_not) {
  auto path = std::filesystem::temp_directory_path() / "handcheck-line-memo-test.jsonl";
  {
    std::ofstream out(path);
    const char* bodies[] = {R"("answers": {"C": [[10, 40, 24, 66]]})", R"("answers": {"C": [[10, 42, 24, 66]]})",
                            R"("answers": {"C": [[10, 40, 24, 66]], "nope": 1})"};
    for (int i = 0; i < 30; ++i) out << "{\"id\": \"s" << i << "\", " << bodies[i % 3] << "}\n";
  }
  Grader grader(seed_key());
  auto grade_all = [&](bool remember_lines) {
    SheetStream in(path.string(), seed_key(), 2, remember_lines);
    std::vector<Sheet> batch;
    std::vector<SheetGrade> grades;
    std::vector<const SheetGrade*> known;
    std::string rows;
    std::size_t found = 0;
    while (in.next(batch, known, 4)) {
      for (auto* k : known) found += k != nullptr;
      grader.grade(batch, grades, known);
      in.remember(batch, grades);
      for (std::size_t i = 0; i < batch.size(); ++i) {
        rows += batch[i].id + " " + std::to_string(grades[i].ok) + " " + std::to_string(grades[i].erratum);
        for (const auto& n : batch[i].notes) rows += " " + n;
        rows += "\n";
      }
    }
    return std::make_pair(rows, found);
  };
  auto [with, found] = grade_all(true);
  auto [without, none] = grade_all(false);
  BOOST_TEST(with == without);
  BOOST_TEST(found > 20u);
  BOOST_TEST(none == 0u);
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_SUITE_END()
