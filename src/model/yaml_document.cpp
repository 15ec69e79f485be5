#include "yaml_document.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <fmt/format.h>
#include <future>
#include <optional>
#include <sstream>
#include <system_error>
#include <vector>

#include "handcheck/printable.hpp"

namespace handcheck::case_yaml {

SourceLoc mark_loc(const std::string& file, const YAML::Mark& m) {
  if (m.is_null()) return {file, 1, 1};
  return {file, static_cast<std::size_t>(m.line) + 1, static_cast<std::size_t>(m.column) + 1};
}

namespace {

// From this size on, a file's two readings run on two threads (a thread costs some 50 µs; a
// kilobyte of YAML about 0.3 ms).
constexpr std::size_t kBesideBytes = 16 * 1024;

class DocumentReader {
 public:
  DocumentReader(const std::string& file, const LoadLimits& limits) : file_(file), limits_(limits) {}

  YAML::Node read(std::string_view text) const {
    scan_bytes(text);
    scan_brackets(text);
    YAML::Node doc;
    Reading reading;
    try {
      // The second reading, for where documents start, runs beside the first on a large file.
      std::future<Reading> beside;
      if (text.size() >= kBesideBytes) {
        try {
          beside = std::async(std::launch::async, [text] { return document_starts(text, 3); });
        } catch (const std::system_error&) {
          // No thread to be had (a process limit): the second reading follows the first.
        }
      }
      doc = YAML::Load(std::string(text));
      reading = beside.valid() ? beside.get() : document_starts(text, 3);
    } catch (const YAML::DeepRecursion& e) {
      throw Error(ErrorId::limit_nesting, mark_loc(file_, e.mark), "YAML nested too deeply for the YAML reader");
    } catch (const YAML::Exception& e) {
      if (auto tab = indenting_tab(text, e.mark))
        throw Error(ErrorId::load_tab, *tab, "a tab indents this line; YAML indents with spaces only");
      throw Error(ErrorId::load_yaml_syntax, mark_loc(file_, e.mark), fmt::format("YAML syntax error: {}", e.msg));
    }
    const std::vector<YAML::Mark>& starts = reading.starts;
    // yaml-cpp stops at some stray characters (a ',' or ']' at the start of a line) and starts
    // one empty document after another there, without end: a place it cannot get past.
    if (starts.size() == 3 && starts[1].pos == starts[2].pos) {
      auto at = static_cast<std::size_t>(starts[1].pos);
      std::string what = at < text.size() ? fmt::format("'{}'", text[at]) : "end of file";
      throw Error(ErrorId::load_yaml_syntax, mark_loc(file_, starts[1]),
                  fmt::format("YAML syntax error: unexpected {}", what));
    }
    if (starts.size() > 1)
      throw Error(ErrorId::load_second_document, second_document(text, starts[1]),
                  "a second YAML document: a case file holds one case");
    // An alias repeats its anchor's node wherever it stands: a 900 KB text aliased 2000 times
    // is gigabytes once read and reported, and fill would rewrite one place through another.
    if (reading.alias)
      throw Error(ErrorId::load_yaml_alias, mark_loc(file_, *reading.alias),
                  "a YAML alias (*name): a case file writes each value where it is used, without anchors "
                  "and aliases");
    return doc;
  }

 private:
  SourceLoc offset_loc(std::string_view text, std::size_t offset) const {
    SourceLoc l{file_, 1, 1};
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++l.line;
        l.column = 1;
      } else {
        ++l.column;
      }
    }
    return l;
  }

  // What YAML reading must not see: bytes that are not UTF-8 text.
  void scan_bytes(std::string_view text) const {
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
      throw Error(ErrorId::load_encoding, {file_, 1, 1},
                  "the file is UTF-16 or UTF-32 (it starts with a byte order mark); save it as UTF-8");
    // Every byte, comments included: what looks like a comment may be the text of a block
    // scalar (`explain: |` then `  a # b`), and the whole file is UTF-8 text for YAML anyway.
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0x80) {
        std::size_t n = utf8_length(text, i);
        if (n == 0)
          throw Error(ErrorId::load_encoding, offset_loc(text, i),
                      fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", c));
        if (text.substr(i, 3) == "\xEF\xBB\xBF")
          throw Error(ErrorId::load_encoding, offset_loc(text, i),
                      "a byte order mark (U+FEFF) in the middle of the file");
        i += n - 1;
      } else if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
        // YAML reads a carriage return alone as a line break; the YAML reader does not, and
        // would call the whole file one line with "illegal map value".
        throw Error(ErrorId::load_encoding, offset_loc(text, i),
                    "a line ends with a carriage return alone (an old Mac text file); save the file with LF or "
                    "CR LF line ends");
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        throw Error(ErrorId::load_control_character, offset_loc(text, i),
                    fmt::format("control character U+{:04X}: not a YAML text file", c));
      }
    }
  }

  // Brackets nested deeper than the limit (yaml-cpp recurses on them), outside quoted strings
  // and comments.
  void scan_brackets(std::string_view text) const {
    std::size_t depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (quote) {
        if (c == '\\' && quote == '"') ++i;
        else if (c == '\'' && quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
        else if (c == static_cast<unsigned char>(quote)) quote = 0;
        continue;
      }
      char prev = i == 0 ? '\n' : text[i - 1];
      bool after_blank = prev == ' ' || prev == '\t' || prev == '\n' || prev == '\r';
      if (c == '#' && after_blank) {
        while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
      } else if ((c == '"' || c == '\'') && (after_blank || prev == '[' || prev == '{' || prev == ',')) {
        quote = static_cast<char>(c);
      } else if (c == '[' || c == '{') {
        if (++depth > limits_.expression.max_depth)
          throw Error(ErrorId::limit_nesting, offset_loc(text, i),
                      fmt::format("YAML nested too deeply (more than {} levels of brackets; raise "
                                  "the limit with --max-depth)",
                                  limits_.expression.max_depth));
      } else if ((c == ']' || c == '}') && depth > 0) {
        --depth;
      }
    }
  }

  // Where the first `most` YAML documents of the text start (yaml-cpp's parser, no nodes built).
  struct Reading {
    std::vector<YAML::Mark> starts;
    std::optional<YAML::Mark> alias;  // the first alias (*name) of the first document
  };

  static Reading document_starts(std::string_view text, std::size_t most) {
    struct Starts : YAML::EventHandler {
      Reading r;
      std::vector<YAML::Mark>& marks = r.starts;
      void OnDocumentStart(const YAML::Mark& m) override { marks.push_back(m); }
      void OnDocumentEnd() override {}
      void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
      void OnAlias(const YAML::Mark& m, YAML::anchor_t) override {
        if (!r.alias && marks.size() == 1) r.alias = m;
      }
      void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
      void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
      void OnSequenceEnd() override {}
      void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
      void OnMapEnd() override {}
    } starts;
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    while (starts.marks.size() < most && parser.HandleNextDocument(starts)) {
    }
    return std::move(starts.r);
  }

  // The '---' line that starts the second document: the last one before its first node.
  SourceLoc second_document(std::string_view text, const YAML::Mark& m) const {
    std::size_t last = m.is_null() ? std::string_view::npos : static_cast<std::size_t>(m.line) + 1;
    SourceLoc found{file_, 1, 1};
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size() && line <= last; ++line) {
      std::size_t end = std::min(text.find('\n', i), text.size());
      if (text.substr(i, 3) == "---") found.line = line;
      i = end + 1;
    }
    return found;
  }

  // yaml-cpp reports a tab in indentation as some other syntax error further on: find the
  // first line up to the error whose indentation has a tab, outside quoted and block text.
  std::optional<SourceLoc> indenting_tab(std::string_view text, const YAML::Mark& m) const {
    std::size_t line = 1, last = m.is_null() ? 0 : static_cast<std::size_t>(m.line) + 1;
    for (std::size_t i = 0; i < text.size() && line <= last; ++line) {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::size_t j = i;
      while (j < end && text[j] == ' ') ++j;
      if (j < end && text[j] == '\t') {
        std::size_t k = j;
        while (k < end && (text[k] == ' ' || text[k] == '\t')) ++k;
        if (k < end && text[k] != '#' && text[k] != '\r') return SourceLoc{file_, line, j - i + 1};
      }
      i = end + 1;
    }
    return std::nullopt;
  }

  const std::string& file_;
  const LoadLimits& limits_;
};

}  // namespace

YAML::Node read_document(std::string_view text, const std::string& file, const LoadLimits& limits) {
  return DocumentReader(file, limits).read(text);
}

}  // namespace handcheck::case_yaml
