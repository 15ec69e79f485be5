#include <boost/test/unit_test.hpp>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/rational.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {
Matrix<Rational> m(std::initializer_list<std::initializer_list<long>> rows) {
  Matrix<Rational> out(rows.size(), rows.begin()->size());
  std::size_t r = 0;
  for (const auto& row : rows) {
    std::size_t c = 0;
    for (long v : row) out(r, c++) = v;
    ++r;
  }
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(linalg_matrix)

BOOST_AUTO_TEST_CASE(broadcast_row_column_and_scalar) {
  auto a = m({{1, 2, 3}, {4, 5, 6}});
  auto add = [](const Rational& x, const Rational& y) { return x + y; };
  auto row = zip_cells(a, m({{10, 20, 30}}), add);
  BOOST_TEST(row(1, 2) == 36);
  auto col = zip_cells(a, m({{100}, {200}}), add);
  BOOST_TEST(col(1, 0) == 204);
  auto sc = zip_cells(m({{1}}), a, add);
  BOOST_TEST(sc.shape() == (Shape{2, 3}));
  BOOST_TEST(sc(0, 2) == 4);
  auto outer = zip_cells(m({{1}, {2}}), m({{10, 20}}), add);  // 2x1 with 1x2 -> 2x2
  BOOST_TEST(outer(1, 1) == 22);
}

BOOST_AUTO_TEST_CASE(incompatible_shapes_are_refused) {
  BOOST_CHECK_EXCEPTION(broadcast_shape({2, 3}, {3, 2}), DomainError, [](const DomainError& e) {
    return std::string(e.what()) == "shapes 2x3 and 3x2 do not broadcast";
  });
  BOOST_CHECK_THROW(matmul(m({{1, 2}}), m({{1, 2}})), DomainError);
}

BOOST_AUTO_TEST_CASE(product_and_transpose) {
  auto p = matmul(m({{1, 2}, {3, 4}}), m({{5, 6}, {7, 8}}));
  BOOST_TEST(p(0, 0) == 19);
  BOOST_TEST(p(0, 1) == 22);
  BOOST_TEST(p(1, 0) == 43);
  BOOST_TEST(p(1, 1) == 50);
  auto t = transpose(m({{1, 2, 3}}));
  BOOST_TEST(t.shape() == (Shape{3, 1}));
  BOOST_TEST(t(2, 0) == 3);
}

BOOST_AUTO_TEST_CASE(cell_errors_name_the_cell) {
  auto a = m({{1, 0}, {2, 3}});
  BOOST_CHECK_EXCEPTION(map_cells(a, [](const Rational& x) {
                          if (x == 0) throw DomainError(ErrorId::eval_division_by_zero, "zero");
                          return x;
                        }),
                        CellError, [](const CellError& e) { return e.row == 0 && e.col == 1; });
}

BOOST_AUTO_TEST_SUITE_END()
