// A worksheet as data (format handcheck/1, DESIGN §1): inputs, steps, stated numbers.
// Plain data: the loader fills it, the pipelines and the audit read it.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "handcheck/error.hpp"
#include "handcheck/expr/ast.hpp"
#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/literal.hpp"

namespace handcheck {

enum class Follows { hand, exact };

// How a stated number is compared with the true one (DESIGN §4).
struct CompareMode {
  enum class Kind { printed, exact, abs, rel, sigfig };
  Kind kind = Kind::printed;
  Rational eps;    // abs, rel
  int figures = 0; // sigfig
  std::string text = "printed";
};

// Names of the columns (or rows) of a matrix: a prefix ("q" -> q1, q2, ...) or a list.
struct Labels {
  std::string prefix;
  std::vector<std::string> names;
  SourceLoc loc;

  bool empty() const { return prefix.empty() && names.empty(); }
  // The name of the i-th (0-based) vector; "" when unnamed.
  std::string at(std::size_t i) const;
  // The 0-based index of a name among n vectors, or -1.
  long find(const std::string& name, std::size_t n) const;
  // The 0-based index a name stands for, whatever the count (q12 is 11 for the prefix q).
  std::optional<std::size_t> index_of(const std::string& name) const;
};

// An expression with the place of its text, so that an offset maps to file:line:col.
struct Expression {
  ExprPtr ast;
  std::string text;
  SourceLoc loc;             // where the text starts
  bool single_line = true;   // offsets map to columns only on a single line

  SourceLoc at(std::size_t offset) const;
};

struct StatedCell {
  std::optional<Literal> value;  // nullopt: blank on the sheet
  SourceLoc loc;
};

// What a worksheet prints for a step, in one of the three forms of DESIGN §1.
struct Stated {
  enum class Form { matrix, vectors, cells };
  Form form = Form::matrix;
  std::vector<std::vector<StatedCell>> rows;  // matrix
  struct Vector {
    std::string label;
    SourceLoc loc;
    std::vector<StatedCell> cells;
  };
  std::vector<Vector> vectors;  // vectors: label -> column or row
  struct Cell {
    std::size_t row = 0, col = 0;  // 1-based
    SourceLoc loc;
    StatedCell cell;
  };
  std::vector<Cell> cells;  // cells: "r,c" -> value
  SourceLoc loc;
};

// An input or a step.
struct Item {
  std::string name;
  SourceLoc loc;
  bool is_input = false;
  Matrix<Literal> value;  // inputs
  std::optional<Expression> hand, exact;  // steps; `do:` sets both
  bool same_expression = false;           // written with `do:`
  Labels columns, rows;
  std::string explain;
  std::optional<Stated> stated;
  Follows follows = Follows::hand;
  CompareMode compare;
  int digits = 30;

  // "q2[3]" when the columns are named, "Q[3,2]" otherwise (0-based arguments).
  std::string cell_label(std::size_t r, std::size_t c) const;
};

struct Case {
  std::string file;
  std::string title;
  std::string source;
  Follows follows = Follows::hand;
  CompareMode compare;
  int digits = 30;
  std::vector<Item> items;  // inputs first, then steps, in order

  // Appends an item and indexes its name, so that find stays fast over thousands of steps.
  void add(Item item);
  // The index of the item with this name, or -1.
  long find(const std::string& name) const;
  // Certified digits for the whole case and every item (--digits overrides the file's).
  void set_digits(int d);

 private:
  // Name -> index of the items added with add (items pushed directly are found by a scan).
  std::unordered_map<std::string, long> index_;
};

}  // namespace handcheck
