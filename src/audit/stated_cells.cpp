#include "stated_cells.hpp"

#include <fmt/format.h>

namespace handcheck {

Shape stated_step_shape(const Item& item, Shape known, std::optional<Shape> walked, const std::string& missing) {
  if (known.cells()) return known;
  if (walked) return *walked;
  if (item.stated->form == Stated::Form::matrix && !item.stated->rows.empty())
    return {item.stated->rows.size(), item.stated->rows[0].size()};
  throw Error(ErrorId::load_stated, item.stated->loc,
              fmt::format("step {}: its stated values cannot be placed: {}", item.name, missing));
}

Matrix<std::optional<Literal>> place_stated(const Item& item, Shape s) {
  Matrix<std::optional<Literal>> m(s);
  const Stated& st = *item.stated;
  auto step = [&](const std::string& what) { return fmt::format("step {}: {}", item.name, what); };
  switch (st.form) {
    case Stated::Form::matrix:
      if (st.rows.size() != s.rows || st.rows[0].size() != s.cols)
        throw Error(ErrorId::load_stated, st.loc,
                    step(fmt::format("stated is {}x{}, but {} is {}", st.rows.size(), st.rows[0].size(), item.name,
                                     s.to_string())));
      for (std::size_t r = 0; r < s.rows; ++r)
        for (std::size_t c = 0; c < s.cols; ++c) m(r, c) = st.rows[r][c].value;
      break;
    case Stated::Form::vectors:
      for (const auto& v : st.vectors) {
        long col = item.columns.find(v.label, s.cols), row = item.rows.find(v.label, s.rows);
        if (col < 0 && row < 0)
          throw Error(ErrorId::load_stated, v.loc,
                      step(fmt::format("no column or row of {} is named '{}'", item.name, v.label)));
        // A row and a column of one name (a token-by-token score matrix): either reading is a guess.
        if (col >= 0 && row >= 0)
          throw Error(ErrorId::load_stated, v.loc,
                      step(fmt::format("'{}' names both a column and a row of {}: state it as a matrix or by "
                                       "\"row,col\" cells",
                                       v.label, item.name)));
        std::size_t len = col >= 0 ? s.rows : s.cols;
        if (v.cells.size() != len)
          throw Error(ErrorId::load_stated, v.loc,
                      step(fmt::format("stated {} has {} entries, but it has {}", v.label, v.cells.size(), len)));
        for (std::size_t k = 0; k < len; ++k) {
          auto& cell = col >= 0 ? m(k, static_cast<std::size_t>(col)) : m(static_cast<std::size_t>(row), k);
          cell = v.cells[k].value;
        }
      }
      break;
    case Stated::Form::cells:
      for (const auto& cell : st.cells) {
        if (cell.row > s.rows || cell.col > s.cols)
          throw Error(ErrorId::load_stated, cell.loc,
                      step(fmt::format("stated cell \"{},{}\" is outside {}, which is {}", cell.row, cell.col,
                                       item.name, s.to_string())));
        m(cell.row - 1, cell.col - 1) = cell.cell.value;
      }
      break;
  }
  return m;
}

SourceLoc stated_cell_loc(const Item& item, std::size_t r, std::size_t c) {
  const Stated& st = *item.stated;
  switch (st.form) {
    case Stated::Form::matrix: return st.rows[r][c].loc;
    case Stated::Form::vectors:
      for (const auto& v : st.vectors) {
        if (item.columns.at(c) == v.label && r < v.cells.size()) return v.cells[r].loc;
        if (item.rows.at(r) == v.label && c < v.cells.size()) return v.cells[c].loc;
      }
      break;
    case Stated::Form::cells:
      for (const auto& cell : st.cells)
        if (cell.row == r + 1 && cell.col == c + 1) return cell.cell.loc;
      break;
  }
  return st.loc;
}

}  // namespace handcheck
