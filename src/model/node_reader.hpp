// Reading the nodes of a case's YAML into values: maps with known keys, single values, numbers,
// matrices and labels. Every message names the input or step being read and points at the node.
#pragma once

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <string>
#include <utility>
#include <vector>

#include "handcheck/detail/text.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/model/loader.hpp"

namespace handcheck::case_yaml {

// Letters, digits and _, not starting with a digit; at most 64 characters.
bool is_valid_name(const std::string& s);

// " (did you mean 'x'?)" for the candidate closest to `name`, or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

using detail::shortened;  // a key or a value quoted in a message

class NodeReader {
 public:
  NodeReader(std::string file, const LoadLimits& limits) : file_(std::move(file)), limits_(limits) {}

  const std::string& file() const { return file_; }
  const LoadLimits& limits() const { return limits_; }
  // The input or step being read, for messages ("" between them): "step Y: ", "input X: ".
  const std::string& step() const { return step_; }
  void set_step(std::string name, bool input = false) {
    step_ = std::move(name);
    input_ = input;
  }
  std::string in_step() const { return step_.empty() ? "" : fmt::format("{} {}: ", input_ ? "input" : "step", step_); }

  SourceLoc loc(const YAML::Node& n) const;
  [[noreturn]] void fail(ErrorId id, const YAML::Node& n, const std::string& message) const;

  // The entries of a map, in order, refusing duplicate and unknown keys (none unknown when
  // `allowed` is empty).
  std::vector<std::pair<YAML::Node, YAML::Node>> entries(const YAML::Node& map, const std::vector<std::string>& allowed,
                                                         const std::string& what) const;
  std::string scalar(const YAML::Node& n, const std::string& what) const;
  Literal number(const YAML::Node& n, const std::string& what) const;
  Labels labels(const YAML::Node& n, const std::string& what) const;
  Matrix<Literal> literal_matrix(const YAML::Node& n, const std::string& what) const;

  // A matrix: a list of rows, a single row (a flat list) or a single number.
  template <class Cell, class ReadCell>
  std::vector<std::vector<Cell>> grid(const YAML::Node& n, const std::string& what, ReadCell read) const {
    std::vector<std::vector<Cell>> rows;
    if (n.IsScalar() || n.IsNull()) {
      count_cells(n, what, 1, 1);
      rows.push_back({read(n)});
      return rows;
    }
    if (!n.IsSequence() || n.size() == 0)
      fail(ErrorId::load_wrong_type, n, fmt::format("{}{} must be a number or a non-empty list of rows", in_step(), what));
    if (!n[0].IsSequence()) {
      count_cells(n, what, n.size(), n.size());
      rows.emplace_back();
      for (const auto& e : n) {
        if (e.IsSequence()) fail(ErrorId::load_wrong_type, e, fmt::format("{}{}: mixes numbers and rows", in_step(), what));
        rows[0].push_back(read(e));
      }
      return rows;
    }
    std::size_t cells = 0;
    for (const auto& r : n) {
      check_row(r, what, rows.size(), rows.empty() ? 0 : rows[0].size());
      cells += r.size();
      count_cells(r, what, cells, r.size());
      rows.emplace_back();
      for (const auto& e : r) rows.back().push_back(read(e));
    }
    return rows;
  }

 private:
  // Row `index` (0-based) of a matrix is a non-empty list, as long as the first (`width`; 0 for
  // the first row itself).
  void check_row(const YAML::Node& r, const std::string& what, std::size_t index, std::size_t width) const;
  // One matrix of `cells` cells so far, `added` of them new: within the limit for one matrix
  // and, with every other input and stated matrix, for the case.
  void count_cells(const YAML::Node& at, const std::string& what, std::size_t cells, std::size_t added) const;

  std::string file_;
  LoadLimits limits_;
  std::string step_;
  bool input_ = false;
  mutable std::size_t total_cells_ = 0;  // of the inputs and stated matrices read so far
};

}  // namespace handcheck::case_yaml
