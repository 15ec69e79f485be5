// The JSON reader of sheet lines: values kept as written, strings decoded and checked to be
// UTF-8, errors at their column.
#include <boost/test/unit_test.hpp>

#include "../../../src/grade/json_line.hpp"

using namespace handcheck::json_line;

namespace {

std::vector<std::string> texts(const Document& d) {
  std::vector<std::string> out;
  for (const Node& n : d.nodes()) out.emplace_back(n.key.empty() ? std::string(n.text) : std::string(n.key) + "=" + std::string(n.text));
  return out;
}

std::size_t error_column(std::string_view text) {
  Document d;
  auto e = d.parse(text);
  return e ? e->column : 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_line)

BOOST_AUTO_TEST_CASE(numbers_are_kept_as_written) {
  Document d;
  BOOST_REQUIRE(!d.parse(R"( [1.60, -0, 1E+5, 123456789012345678901234567890, -0.0e-0, 0] )"));
  BOOST_TEST(texts(d) == (std::vector<std::string>{"", "1.60", "0", "1E+5", "123456789012345678901234567890", "-0.0e-0", "0"}));
  BOOST_TEST(d.root().count == 6u);
}

BOOST_AUTO_TEST_CASE(objects_keep_member_order_and_names) {
  Document d;
  BOOST_REQUIRE(!d.parse(R"({"id": "a", "answers": {"Q": [[1, 2]], "z1": null}, "ok": true})"));
  std::vector<std::string> members;
  for (const Node& m : Children(d.nodes(), d.root())) members.emplace_back(m.key);
  BOOST_TEST(members == (std::vector<std::string>{"id", "answers", "ok"}));
  BOOST_TEST(texts(d) == (std::vector<std::string>{"", "id=a", "answers=", "Q=", "", "1", "2", "z1=", "ok=true"}));
  BOOST_TEST((d.nodes()[7].kind == Node::Kind::null));
}

BOOST_AUTO_TEST_CASE(strings_are_decoded) {
  Document d;
  BOOST_REQUIRE(!d.parse(R"(["a\"b\\c\/d\n", "\u00e9\ud83d\ude00", "é€😀", ""])"));
  BOOST_TEST(texts(d) == (std::vector<std::string>{"", "a\"b\\c/d\n", "\xC3\xA9\xF0\x9F\x98\x80", "é€😀", ""}));
}

BOOST_AUTO_TEST_CASE(errors_name_their_column) {
  BOOST_TEST(error_column("{\"id\": \"b\xC3(\"}") == 10u);        // a lead byte without its continuation
  BOOST_TEST(error_column("[\"\xED\xA0\x80\"]") == 3u);            // an encoded UTF-16 surrogate
  BOOST_TEST(error_column("[\"\xC0\xAF\"]") == 3u);                // overlong
  BOOST_TEST(error_column("[\"\xF4\x90\x80\x80\"]") == 3u);        // past U+10FFFF
  BOOST_TEST(error_column(R"(["\ud800"])") == 8u);                 // a lone high surrogate escape
  BOOST_TEST(error_column(R"(["\udc00"])") == 8u);                 // a lone low surrogate escape
  BOOST_TEST(error_column("[\"a\tb\"]") == 4u);                    // a raw control character
  BOOST_TEST(error_column("[01]") == 3u);                          // a leading zero
  BOOST_TEST(error_column("[1.]") == 4u);
  BOOST_TEST(error_column("{\"a\" 1}") == 6u);
  BOOST_TEST(error_column("[1] x") == 5u);
  BOOST_TEST(error_column("[1, ]") == 5u);
  BOOST_TEST(error_column("") == 1u);
  BOOST_TEST(error_column("\xFF") == 1u);
  BOOST_TEST(error_column(std::string(257, '[') + std::string(257, ']')) == 257u);  // too deep
  BOOST_TEST(error_column(std::string(256, '[') + std::string(256, ']')) == 0u);
}

BOOST_AUTO_TEST_CASE(a_document_is_reused) {
  Document d;
  BOOST_REQUIRE(!d.parse(R"(["x\n", [1, 2, 3]])"));
  BOOST_REQUIRE(d.parse("[1,"));
  BOOST_REQUIRE(!d.parse(R"({"k": "\u0041"})"));
  BOOST_TEST(texts(d) == (std::vector<std::string>{"", "k=A"}));
}

BOOST_AUTO_TEST_SUITE_END()
