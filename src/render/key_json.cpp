#include "handcheck/render/key_json.hpp"

#include <charconv>
#include <string_view>
#include <vector>

#include "handcheck/printable.hpp"
#include "handcheck/render/text.hpp"
#include "key_common.hpp"

namespace handcheck {

namespace {

// JSON text laid out as nlohmann's dump(2) lays it out, written straight into one buffer: the
// key of a large case is tens of megabytes of fractions, and a document tree of it ten times that.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // The name of the next member of an object; its value follows.
  void field(std::string_view name) {
    element();
    string(name);
    out_ += ": ";
  }
  // The start of the next element of an array; its value follows.
  void element() {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
  }

  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void number(long long n) {
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
  }

  // ASCII is escaped here as nlohmann escapes it; any other text goes through nlohmann itself
  // (its UTF-8 checks and U+FFFD replacement) and json_printable (C1 controls, U+FFFE, U+FFFF),
  // so every string reads exactly as the document's dump wrote it.
  void string(std::string_view s) {
    for (unsigned char c : s)
      if (c >= 0x80) {
        out_ += json_printable(nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
    out_ += '"';
    for (char ch : s) escape(ch);
    out_ += '"';
  }

  // A value of a step, in quotes; the digits of a fraction need no escaping.
  void value(const keys::StepTexts& texts, std::size_t row, std::size_t col) {
    std::size_t at = out_.size();
    out_ += '"';
    if (texts.append(out_, row, col))
      for (std::size_t i = at + 1; i < out_.size(); ++i) {
        auto c = static_cast<unsigned char>(out_[i]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
          std::string text = out_.substr(at + 1);
          out_.resize(at);
          string(text);
          return;
        }
      }
    out_ += '"';
  }

  // Hands the text so far to `sink` once there is at least `batch` of it.
  void drain(const TextSink& sink, std::size_t batch) {
    if (out_.size() < batch) return;
    sink(out_);
    out_.clear();
  }

 private:
  void open(char c) {
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
      out_ += '\n';
      out_.append(2 * first_.size(), ' ');
    }
    out_ += c;
  }
  void escape(char ch) {
    switch (ch) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\b': out_ += "\\b"; return;
      case '\f': out_ += "\\f"; return;
      case '\n': out_ += "\\n"; return;
      case '\r': out_ += "\\r"; return;
      case '\t': out_ += "\\t"; return;
      default: break;
    }
    if (static_cast<unsigned char>(ch) >= 0x20) {
      out_ += ch;
      return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out_ += "\\u00";
    out_ += hex[static_cast<unsigned char>(ch) >> 4];
    out_ += hex[static_cast<unsigned char>(ch) & 0xF];
  }

  std::string& out_;
  std::vector<bool> first_;  // per open object or array: no member written yet
};

void write_labels(JsonWriter& w, const std::vector<std::string>& names) {
  bool any = false;
  for (const auto& n : names) any = any || !n.empty();
  if (!any) return w.null();
  w.begin_array();
  for (const auto& n : names) {
    w.element();
    w.string(n);
  }
  w.end_array();
}

// The text is handed on in pieces of about this size: a large key is never held whole.
constexpr std::size_t kBatch = std::size_t{1} << 20;

void write_values(JsonWriter& w, const keys::ItemView& v, const Matrix<Real>* values, const TextSink& sink) {
  if (!values) return w.null();
  keys::StepTexts texts(*values, v.digits);
  w.begin_array();
  for (std::size_t r = 0; r < v.shape.rows; ++r) {
    w.element();
    w.begin_array();
    for (std::size_t c = 0; c < v.shape.cols; ++c) {
      w.element();
      w.value(texts, r, c);
    }
    w.end_array();
    w.drain(sink, kBatch);
  }
  w.end_array();
}

void write_stated(JsonWriter& w, const keys::ItemView& v) {
  w.begin_array();
  for (const auto& m : v.marks) {
    const keys::StatedMark& s = m.mark;
    w.element();
    w.begin_object();
    w.field("row");
    w.number(static_cast<long long>(m.row + 1));
    w.field("col");
    w.number(static_cast<long long>(m.col + 1));
    w.field("label");
    w.string(v.item->cell_label(m.row, m.col));
    w.field("stated");
    if (s.blank) {
      w.null();
      w.field("verdict");
      w.string("blank");
    } else {
      w.string(s.text);
      w.field("verdict");
      w.string(to_string(s.verdict));
      w.field("expected");
      w.string(s.expected_full);
      w.field("expected_printed");
      w.string(s.expected);
      if (s.verdict == Verdict::erratum) {
        w.field("downstream");
        w.string(to_string(s.downstream));
      }
    }
    w.end_object();
  }
  w.end_array();
}

void write_step(JsonWriter& w, const keys::ItemView& v, const TextSink& sink) {
  w.begin_object();
  w.field("name");
  w.string(v.name);
  w.field("input");
  w.boolean(v.is_input);
  w.field("shape");
  w.begin_array();
  w.element();
  w.number(static_cast<long long>(v.shape.rows));
  w.element();
  w.number(static_cast<long long>(v.shape.cols));
  w.end_array();
  w.field("rows");
  write_labels(w, v.row_labels);
  w.field("columns");
  write_labels(w, v.col_labels);
  if (!v.is_input) {
    w.field("expression");
    w.begin_object();
    w.field("hand");
    w.string(v.hand_expr);
    w.field("exact");
    w.string(v.exact_expr);
    w.end_object();
  }
  w.field("explain");
  w.string(v.item->explain);
  w.field("digits");
  w.number(v.digits);
  w.field("hand");
  write_values(w, v, v.has_hand ? v.hand_values : nullptr, sink);
  w.field("exact");
  write_values(w, v, v.has_exact ? v.exact_values : nullptr, sink);
  if (v.item->stated) {
    w.field("stated");
    write_stated(w, v);
  }
  w.end_object();
}

}  // namespace

void write_key_json(const CaseAudit& a, const KeyOptions& options, const TextSink& sink) {
  KeyOptions lean = options;
  lean.cells = false;
  keys::KeyView k = keys::build_key_view(a, lean);
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("handcheck");
  w.string("key/1");
  w.field("file");
  w.string(k.file);
  w.field("title");
  w.string(k.title);
  w.field("source");
  w.string(k.source);
  w.field("follows");
  w.string(k.follows);
  w.field("digits");
  w.number(k.digits);
  w.field("steps");
  w.begin_array();
  for (const auto& v : k.items) {
    w.element();
    write_step(w, v, sink);
  }
  w.end_array();
  w.field("errata");
  w.begin_array();
  for (const auto& g : k.errata) {
    ErratumWords words = erratum_words(*k.audit, g);
    w.element();
    w.begin_object();
    w.field("headline");
    w.string(words.headline);
    w.field("consequence");
    w.string(words.consequence);
    w.end_object();
  }
  w.end_array();
  w.field("notes");
  w.begin_array();
  for (const auto& n : k.notes) {
    w.element();
    w.string(n);
  }
  w.end_array();
  w.end_object();
  out += '\n';
  sink(out);
}

std::string render_key_json(const CaseAudit& a, const KeyOptions& options) {
  std::string out;
  write_key_json(a, options, [&](std::string_view text) { out += text; });
  return out;
}

nlohmann::ordered_json key_json(const CaseAudit& a, const KeyOptions& options) {
  return nlohmann::ordered_json::parse(render_key_json(a, options));
}

}  // namespace handcheck
