#include "json_line.hpp"

#include <cstring>
#include <fmt/format.h>

#include "handcheck/detail/text.hpp"

namespace handcheck::json_line {

namespace {

constexpr std::size_t max_depth = 256;

struct Failed {
  std::size_t at;
  std::string message;
};

std::string shown(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "the end of the line";
  unsigned char c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c >= 0x7F) return fmt::format("byte 0x{:02x}", c);
  return fmt::format("'{}'", text[at]);
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Node>& nodes, std::vector<std::uint32_t>& parents,
         std::vector<std::uint32_t>& last, std::string& decoded)
      : s_(text), nodes_(nodes), parent_(parents), last_(last), decoded_(decoded) {}

  void document() {
    ws();
    value(0, {});
    ws();
    if (i_ < s_.size()) fail(fmt::format("{} after the JSON value", shown(s_, i_)));
  }

 private:
  [[noreturn]] void fail(std::string message) const { throw Failed{i_, std::move(message)}; }
  [[noreturn]] void unexpected(std::string_view wanted) const {
    throw Failed{i_, fmt::format("expected {}, found {}", wanted, shown(s_, i_))};
  }

  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  std::uint32_t add(Node::Kind kind, std::string_view text, std::string_view key) {
    auto index = static_cast<std::uint32_t>(nodes_.size());
    Node& n = nodes_.emplace_back();
    n.kind = kind;
    n.text = text;
    n.key = key;
    if (!last_.empty()) {
      std::uint32_t parent = parent_.back();
      std::uint32_t& last = last_.back();
      if (last == Node::none) nodes_[parent].first = index;
      else nodes_[last].next = index;
      last = index;
      ++nodes_[parent].count;
    }
    return index;
  }

  void value(std::size_t depth, std::string_view key) {
    if (i_ >= s_.size()) unexpected("a value");
    char c = s_[i_];
    switch (c) {
      case '{': return object(depth, key);
      case '[': return array(depth, key);
      case '"': {
        std::string_view text = string();
        add(Node::Kind::string, text, key);
        return;
      }
      case 't': return word("true", Node::Kind::boolean, key);
      case 'f': return word("false", Node::Kind::boolean, key);
      case 'n': return word("null", Node::Kind::null, key);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number(key);
        unexpected("a value");
    }
  }

  void word(std::string_view w, Node::Kind kind, std::string_view key) {
    if (s_.substr(i_, w.size()) != w) unexpected("a value");
    add(kind, kind == Node::Kind::null ? std::string_view() : s_.substr(i_, w.size()), key);
    i_ += w.size();
  }

  void number(std::string_view key) {
    std::size_t start = i_;
    auto digits = [&] {
      std::size_t from = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ - from;
    };
    if (s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0') ++i_;
    else if (digits() == 0) unexpected("a digit");
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (digits() == 0) unexpected("a digit");
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (digits() == 0) unexpected("a digit");
    }
    std::string_view text = s_.substr(start, i_ - start);
    add(Node::Kind::number, text == "-0" ? std::string_view("0") : text, key);
  }

  void open(std::uint32_t index, std::size_t depth) {
    if (depth >= max_depth) fail(fmt::format("more than {} nested lists and objects", max_depth));
    parent_.push_back(index);
    last_.push_back(Node::none);
  }
  void close() {
    parent_.pop_back();
    last_.pop_back();
  }

  void object(std::size_t depth, std::string_view key) {
    std::uint32_t self = add(Node::Kind::object, {}, key);
    open(self, depth);
    ++i_;
    ws();
    if (i_ < s_.size() && s_[i_] == '}') {
      ++i_;
      return close();
    }
    for (;;) {
      if (i_ >= s_.size() || s_[i_] != '"') unexpected("a member name in quotes");
      std::string_view name = string();
      ws();
      if (i_ >= s_.size() || s_[i_] != ':') unexpected("':'");
      ++i_;
      ws();
      value(depth + 1, name);
      ws();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        ws();
        continue;
      }
      if (i_ < s_.size() && s_[i_] == '}') {
        ++i_;
        return close();
      }
      unexpected("',' or '}'");
    }
  }

  void array(std::size_t depth, std::string_view key) {
    std::uint32_t self = add(Node::Kind::array, {}, key);
    open(self, depth);
    ++i_;
    ws();
    if (i_ < s_.size() && s_[i_] == ']') {
      ++i_;
      return close();
    }
    for (;;) {
      value(depth + 1, {});
      ws();
      if (i_ < s_.size() && s_[i_] == ',') {
        ++i_;
        ws();
        continue;
      }
      if (i_ < s_.size() && s_[i_] == ']') {
        ++i_;
        return close();
      }
      unexpected("',' or ']'");
    }
  }

  // A string from its opening quote; a view of the line when it has no escapes.
  std::string_view string() {
    std::size_t start = ++i_;
    for (;;) {
      if (i_ >= s_.size()) fail("a string is not closed");
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return s_.substr(start, i_++ - start);
      if (c == '\\') return escaped_string(start);
      if (c < 0x20) fail(fmt::format("{} (a control character) inside a string", shown(s_, i_)));
      if (c < 0x80) {
        ++i_;
        continue;
      }
      std::size_t n = detail::utf8_length(s_, i_);
      if (n == 0) fail(fmt::format("invalid UTF-8 ({})", shown(s_, i_)));
      i_ += n;
    }
  }

  // The rest of a string from its first escape, decoded into the buffer, which parse()
  // reserved to the line's size.
  std::string_view escaped_string(std::size_t start) {
    std::size_t out = decoded_.size();
    decoded_.append(s_.substr(start, i_ - start));
    for (;;) {
      if (i_ >= s_.size()) fail("a string is not closed");
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        ++i_;
        return std::string_view(decoded_).substr(out);
      }
      if (c < 0x20) fail(fmt::format("{} (a control character) inside a string", shown(s_, i_)));
      if (c >= 0x80) {
        std::size_t n = detail::utf8_length(s_, i_);
        if (n == 0) fail(fmt::format("invalid UTF-8 ({})", shown(s_, i_)));
        decoded_.append(s_.substr(i_, n));
        i_ += n;
        continue;
      }
      if (c != '\\') {
        decoded_ += static_cast<char>(c);
        ++i_;
        continue;
      }
      if (++i_ >= s_.size()) fail("a string is not closed");
      escape();
      ++i_;
    }
  }

  // The escape at i_, after its backslash; leaves i_ on its last character.
  void escape() {
    switch (s_[i_]) {
      case '"': decoded_ += '"'; break;
      case '\\': decoded_ += '\\'; break;
      case '/': decoded_ += '/'; break;
      case 'b': decoded_ += '\b'; break;
      case 'f': decoded_ += '\f'; break;
      case 'n': decoded_ += '\n'; break;
      case 'r': decoded_ += '\r'; break;
      case 't': decoded_ += '\t'; break;
      case 'u': {
        std::uint32_t cp = hex4();
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (s_.substr(i_ + 1, 2) != "\\u") fail("a UTF-16 surrogate escape without its pair");
          i_ += 2;
          std::uint32_t low = hex4();
          if (low < 0xDC00 || low > 0xDFFF) fail("a UTF-16 surrogate escape without its pair");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          fail("a UTF-16 surrogate escape without its pair");
        }
        detail::append_utf8(decoded_, cp);
        break;
      }
      default: fail(fmt::format("{} is not an escape", shown(s_, i_)));
    }
  }

  // The four hex digits after \u; leaves i_ on the last one.
  std::uint32_t hex4() {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      ++i_;
      if (i_ >= s_.size()) fail("a \\u escape needs four hex digits");
      char c = s_[i_];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
      else fail("a \\u escape needs four hex digits");
    }
    return v;
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<Node>& nodes_;
  std::vector<std::uint32_t>& parent_;
  std::vector<std::uint32_t>& last_;
  std::string& decoded_;
};

}  // namespace

std::optional<SyntaxError> Document::parse(std::string_view text) {
  nodes_.clear();
  parents_.clear();
  last_.clear();
  decoded_.clear();
  // Decoding never makes a string longer than its escaped form: the buffer never moves.
  decoded_.reserve(text.size());
  try {
    Parser(text, nodes_, parents_, last_, decoded_).document();
  } catch (Failed& f) {
    nodes_.clear();
    return SyntaxError{f.at + 1, std::move(f.message)};
  }
  return std::nullopt;
}

}  // namespace handcheck::json_line
