#include "handcheck/model/loader.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <string_view>
#include <unistd.h>

#include "case_settings.hpp"
#include "handcheck/input_file.hpp"
#include "handcheck/numbers/allocation.hpp"
#include "node_reader.hpp"
#include "stated_reader.hpp"
#include "step_expression.hpp"
#include "yaml_document.hpp"

namespace handcheck {

namespace {

using namespace case_yaml;

// A case from its YAML document: the top keys, then the inputs, then the steps in order.
class Loader {
 public:
  Loader(std::string file, const LoadLimits& limits) : in_(std::move(file), limits) {}

  Case load(const std::string& raw) {
    const std::string& file = in_.file();
    if (raw.size() > in_.limits().max_file_bytes)
      throw Error(ErrorId::limit_file_size, {file, 1, 1},
                  fmt::format("file of {} bytes is larger than the limit of {} bytes (raise it with "
                              "--max-file-size)",
                              raw.size(), in_.limits().max_file_bytes));
    // A byte order mark may start the file; the columns count from after it, as editors show them.
    std::string_view text = raw;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    YAML::Node doc = read_document(text, file, in_.limits());
    try {
      return read_case(doc);
    } catch (const YAML::Exception& e) {
      throw Error(ErrorId::load_yaml_syntax, mark_loc(file, e.mark), fmt::format("cannot read this YAML: {}", e.msg));
    }
  }

 private:
  Case read_case(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull())
      throw Error(ErrorId::load_empty, {in_.file(), 1, 1}, "empty case file: expected 'format: handcheck/1'");
    Case c;
    c.file = in_.file();
    read_top(root, c);
    YAML::Node inputs = root["inputs"], steps = root["steps"];
    if (!steps) in_.fail(ErrorId::load_missing, root, "missing 'steps': a case needs at least one step");
    if (!steps.IsSequence() || steps.size() == 0)
      in_.fail(ErrorId::load_wrong_type, steps, "'steps' must be a non-empty list of steps");
    // Names of steps, to tell a forward reference from an unknown name.
    for (const auto& s : steps)
      if (s.IsMap() && s["name"] && s["name"].IsScalar())
        pending_.emplace(s["name"].Scalar(), static_cast<std::size_t>(s["name"].Mark().line) + 1);
    if (inputs)
      for (const auto& [key, value] : in_.entries(inputs, {}, "inputs")) c.add(read_input(c, key, value));
    for (const auto& s : steps) c.add(read_step(c, s));
    return c;
  }

  // The keys of the case itself: its format, title, source and settings.
  void read_top(const YAML::Node& root, Case& c) const {
    in_.entries(root, {"format", "title", "source", "follows", "compare", "digits", "inputs", "steps"}, "a case");
    YAML::Node format = root["format"];
    if (!format) in_.fail(ErrorId::load_missing, root, "missing 'format: handcheck/1' at the top of the case");
    if (in_.scalar(format, "format") != "handcheck/1")
      in_.fail(ErrorId::load_format, format,
               fmt::format("unknown format '{}': this version reads 'handcheck/1'", format.Scalar()));
    if (root["title"]) c.title = in_.scalar(root["title"], "title");
    if (root["source"]) c.source = in_.scalar(root["source"], "source");
    if (root["follows"]) c.follows = read_follows(in_, root["follows"]);
    if (root["compare"]) c.compare = read_compare(in_, root["compare"]);
    if (root["digits"]) c.digits = read_digits(in_, root["digits"]);
  }

  Item read_input(const Case& c, const YAML::Node& key, const YAML::Node& value) {
    Item item;
    item.is_input = true;
    item.name = key.Scalar();
    item.loc = in_.loc(key);
    in_.set_step(item.name, true);
    define(c, key, item.name);
    item.follows = c.follows;
    item.compare = c.compare;
    item.digits = c.digits;
    if (value.IsMap()) {
      in_.entries(value, {"value", "columns", "rows", "explain"}, "its long form");
      if (!value["value"]) in_.fail(ErrorId::load_missing, value, fmt::format("{}missing 'value'", in_.in_step()));
      item.value = in_.literal_matrix(value["value"], "value");
      if (value["columns"]) item.columns = in_.labels(value["columns"], "columns");
      if (value["rows"]) item.rows = in_.labels(value["rows"], "rows");
      if (value["explain"]) item.explain = in_.scalar(value["explain"], "explain");
    } else {
      item.value = in_.literal_matrix(value, "value");
    }
    check_label_count(item);
    return item;
  }

  Item read_step(const Case& c, const YAML::Node& s) {
    in_.set_step("");
    if (!s.IsMap()) in_.fail(ErrorId::load_wrong_type, s, "each step must be a mapping with at least 'name' and 'do'");
    if (!s["name"]) in_.fail(ErrorId::load_missing, s, "a step needs a 'name'");
    Item item;
    item.name = in_.scalar(s["name"], "name");
    item.loc = in_.loc(s["name"]);
    define(c, s["name"], item.name);
    in_.set_step(item.name);
    pending_.erase(item.name);
    in_.entries(s, {"name", "do", "hand", "exact", "columns", "rows", "explain", "stated", "follows", "compare", "digits"},
                "step " + item.name);
    item.follows = s["follows"] ? read_follows(in_, s["follows"]) : c.follows;
    item.compare = s["compare"] ? read_compare(in_, s["compare"]) : c.compare;
    item.digits = s["digits"] ? read_digits(in_, s["digits"]) : c.digits;
    read_expressions(c, s, item);
    if (s["columns"]) item.columns = in_.labels(s["columns"], "columns");
    if (s["rows"]) item.rows = in_.labels(s["rows"], "rows");
    if (s["explain"]) item.explain = in_.scalar(s["explain"], "explain");
    if (s["stated"] && !s["stated"].IsNull()) item.stated = read_stated(in_, s["stated"]);
    check_crossing_vectors(item);
    return item;
  }

  // 'do', or both 'hand' and 'exact'.
  void read_expressions(const Case& c, const YAML::Node& s, Item& item) const {
    std::size_t self = c.items.size();
    if (s["do"]) {
      if (s["hand"] || s["exact"])
        in_.fail(ErrorId::load_step_form, s["do"],
                 fmt::format("step {}: give either 'do' or 'hand' and 'exact', not both", item.name));
      item.hand = read_expression(in_, s["do"], "do", c, self, pending_);
      item.exact = item.hand;
      item.same_expression = true;
    } else if (s["hand"] && s["exact"]) {
      item.hand = read_expression(in_, s["hand"], "hand", c, self, pending_);
      item.exact = read_expression(in_, s["exact"], "exact", c, self, pending_);
    } else {
      in_.fail(ErrorId::load_step_form, s, fmt::format("step {}: needs 'do', or both 'hand' and 'exact'", item.name));
    }
  }

  void define(const Case& c, const YAML::Node& key_node, const std::string& name) const {
    if (!is_valid_name(name))
      in_.fail(ErrorId::load_bad_name, key_node,
               fmt::format("'{}' is not a valid name (letters, digits and _, not starting with a digit; at most "
                           "64 characters)",
                           shortened(name)));
    long prev = c.find(name);
    if (prev >= 0)
      in_.fail(ErrorId::load_duplicate_name, key_node,
               fmt::format("'{}' is defined twice (first at line {})", name,
                           c.items[static_cast<std::size_t>(prev)].loc.line));
  }

  void check_label_count(const Item& item) const {
    if (item.columns.names.size() > 0 && item.columns.names.size() != item.value.cols())
      throw Error(ErrorId::load_shape, item.columns.loc,
                  fmt::format("input {}: {} column names for {} columns", item.name, item.columns.names.size(),
                              item.value.cols()));
    if (item.rows.names.size() > 0 && item.rows.names.size() != item.value.rows())
      throw Error(
          ErrorId::load_shape, item.rows.loc,
          fmt::format("input {}: {} row names for {} rows", item.name, item.rows.names.size(), item.value.rows()));
  }

  NodeReader in_;
  std::map<std::string, std::size_t> pending_;  // steps not yet read -> line
};

}  // namespace

Case load_case_text(const std::string& text, const std::string& name, const LoadLimits& limits) {
  install_gmp_allocator();  // every use of the library starts with a case
  return Loader(name, limits).load(text);
}

std::string read_case_text(const std::string& path, std::size_t max_bytes, std::string_view directory_message) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorId::io_directory, {path, 0, 0}, std::string(directory_message));
  int fd = open_input(path);
  if (fd < 0) throw Error(ErrorId::io_open, {path, 0, 0}, fmt::format("cannot open the file: {}", std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  // Read, not seek, and no more than the limit: a pipe or a device has no size, and may not end.
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(ErrorId::io_read, {path, 0, 0}, fmt::format("cannot read the file: {}", std::strerror(errno)));
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > max_bytes)
      throw Error(ErrorId::limit_file_size, {path, 1, 1},
                  fmt::format("file larger than the limit of {} bytes (raise it with --max-file-size)", max_bytes));
  }
  return text;
}

Case load_case_file(const std::string& path, const LoadLimits& limits) {
  return load_case_text(read_case_text(path, limits.max_file_bytes, "cannot read the file: it is a directory"), path,
                        limits);
}

}  // namespace handcheck
