// One line of JSON Lines, parsed flat for reading sheets at line rate: nodes linked by index,
// numbers and strings kept as views of their source text (a string with escapes is decoded
// into the document's own buffer). Strings are checked to be UTF-8; nothing is converted
// through a double. A Document is reused line after line, so reading allocates little.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace handcheck::json_line {

struct Node {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  static constexpr std::uint32_t none = ~std::uint32_t{0};
  Kind kind = Kind::null;
  std::uint32_t first = none, next = none;  // the first child; the next sibling
  std::uint32_t count = 0;                  // children
  std::string_view text;                    // number, string, boolean: as written (strings decoded)
  std::string_view key;                     // the member name, in an object
};

struct SyntaxError {
  std::size_t column = 0;  // 1-based byte offset in the line
  std::string message;
};

class Document {
 public:
  // Parses one JSON value filling `text` (surrounding whitespace allowed). The views stay
  // valid until the next parse and while `text` lives.
  std::optional<SyntaxError> parse(std::string_view text);

  const std::vector<Node>& nodes() const { return nodes_; }
  const Node& root() const { return nodes_[0]; }

 private:
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> parents_, last_;  // the open containers; the last child of each
  std::string decoded_;              // strings with escapes; reserved so that views stay valid
};

// The children of a node, for range-for.
class Children {
 public:
  Children(const std::vector<Node>& nodes, const Node& n) : nodes_(nodes), first_(n.first) {}
  struct iterator {
    const std::vector<Node>* nodes;
    std::uint32_t at;
    const Node& operator*() const { return (*nodes)[at]; }
    iterator& operator++() {
      at = (*nodes)[at].next;
      return *this;
    }
    bool operator!=(const iterator& o) const { return at != o.at; }
  };
  iterator begin() const { return {&nodes_, first_}; }
  iterator end() const { return {&nodes_, Node::none}; }

 private:
  const std::vector<Node>& nodes_;
  std::uint32_t first_;
};


}  // namespace handcheck::json_line
