#include "handcheck/render/key_json.hpp"

#include <cstring>
#include <fmt/format.h>
#include <gmp.h>

#include "handcheck/render/text.hpp"
#include "key_common.hpp"

namespace handcheck {

using json = nlohmann::ordered_json;

namespace {

json labels(const std::vector<std::string>& names) {
  for (const auto& n : names)
    if (!n.empty()) return names;
  return nullptr;
}

json stated_json(const keys::ItemView& v) {
  json out = json::array();
  for (std::size_t r = 0; r < v.shape.rows; ++r)
    for (std::size_t c = 0; c < v.shape.cols; ++c) {
      const auto& cell = v.cells(r, c);
      if (!cell.stated) continue;
      const keys::StatedMark& s = *cell.stated;
      json j = {{"row", r + 1}, {"col", c + 1}, {"label", cell.label}};
      if (s.blank) {
        j["stated"] = nullptr;
        j["verdict"] = "blank";
      } else {
        j["stated"] = s.text;
        j["verdict"] = to_string(s.verdict);
        j["expected"] = s.expected_full;
        j["expected_printed"] = s.expected;
        if (s.verdict == Verdict::erratum) j["downstream"] = to_string(s.downstream);
      }
      out.push_back(std::move(j));
    }
  return out;
}

}  // namespace

json key_json(const CaseAudit& a) {
  keys::KeyView k = keys::build_key_view(a);
  json j;
  j["handcheck"] = "key/1";
  j["file"] = k.file;
  j["title"] = k.title;
  j["source"] = k.source;
  j["follows"] = k.follows;
  j["digits"] = k.digits;
  json steps = json::array();
  for (const auto& v : k.items) {
    json s;
    s["name"] = v.name;
    s["input"] = v.is_input;
    s["shape"] = {v.shape.rows, v.shape.cols};
    s["rows"] = labels(v.row_labels);
    s["columns"] = labels(v.col_labels);
    if (!v.is_input) s["expression"] = {{"hand", v.hand_expr}, {"exact", v.exact_expr}};
    s["explain"] = v.item->explain;
    s["digits"] = v.digits;
    auto matrix = [&](bool hand) -> json {
      if (hand ? !v.has_hand : !v.has_exact) return nullptr;
      json m = json::array();
      for (std::size_t r = 0; r < v.shape.rows; ++r) {
        json row = json::array();
        for (std::size_t c = 0; c < v.shape.cols; ++c) row.push_back(hand ? v.cells(r, c).hand : v.cells(r, c).exact);
        m.push_back(std::move(row));
      }
      return m;
    };
    s["hand"] = matrix(true);
    s["exact"] = matrix(false);
    if (v.item->stated) s["stated"] = stated_json(v);
    steps.push_back(std::move(s));
  }
  j["steps"] = std::move(steps);
  json errata = json::array();
  for (const auto& g : k.errata) errata.push_back({{"headline", g.headline}, {"consequence", g.consequence}});
  j["errata"] = std::move(errata);
  j["notes"] = k.notes;
  return j;
}

namespace {

// JSON laid out exactly as nlohmann's dump(2) lays it out, written straight into one buffer:
// a key of a large case is tens of megabytes of fractions, and a document tree of them (a
// string, a node and a map entry per cell) took ten times the memory of the text.
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void key(std::string_view k) {
    separate();
    string_text(k);
    out_ += ": ";
    keyed_ = true;
  }
  void open(char c) {
    start();
    out_ += c;
    first_.push_back(true);
  }
  void close(char c) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty) {
      out_ += '\n';
      indent();
    }
    out_ += c;
  }
  void string(std::string_view s) {
    start();
    string_text(s);
  }
  void number(std::size_t n) {
    start();
    fmt::format_to(std::back_inserter(out_), "{}", n);
  }
  void integer(long n) {
    start();
    fmt::format_to(std::back_inserter(out_), "{}", n);
  }
  void boolean(bool b) {
    start();
    out_ += b ? "true" : "false";
  }
  void null() {
    start();
    out_ += "null";
  }
  // "p/q", or "p" for an integer, from GMP's digits into the buffer: no string per cell.
  void fraction(const Rational& q) {
    start();
    const mpq_t& v = q.backend().data();
    out_ += '"';
    digits(mpq_numref(v));
    if (mpz_cmp_ui(mpq_denref(v), 1) != 0) {
      out_ += '/';
      digits(mpq_denref(v));
    }
    out_ += '"';
  }

 private:
  void digits(const mpz_t z) {
    std::size_t at = out_.size(), most = mpz_sizeinbase(z, 10) + 2;
    out_.resize(at + most);
    mpz_get_str(out_.data() + at, 10, z);
    out_.resize(at + std::strlen(out_.data() + at));
  }
  void indent() { out_.append(2 * first_.size(), ' '); }
  void separate() {
    if (first_.empty()) return;
    out_ += first_.back() ? "\n" : ",\n";
    first_.back() = false;
    indent();
  }
  void start() {
    if (keyed_) keyed_ = false;
    else separate();
  }
  // As nlohmann escapes (ensure_ascii off); text that is not UTF-8 goes through nlohmann itself,
  // so that its replacement characters are the same.
  void string_text(std::string_view s) {
    bool plain = true;
    for (unsigned char c : s) plain = plain && c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    if (plain) {
      out_ += '"';
      out_ += s;
      out_ += '"';
      return;
    }
    out_ += json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
  }

  std::string& out_;
  std::vector<bool> first_;
  bool keyed_ = false;
};

void labels_value(Writer& w, const std::vector<std::string>& names) {
  bool any = false;
  for (const auto& n : names) any = any || !n.empty();
  if (!any) return w.null();
  w.open('[');
  for (const auto& n : names) w.string(n);
  w.close(']');
}

// The stated cells of a step as keys::build_key_view marks them (blanks the case prints, then
// the audited cells), in row order.
void stated_value(Writer& w, const CaseAudit& a, std::size_t index, Shape shape) {
  const Item& item = a.kase->items[index];
  const StepAudit* sa = nullptr;
  for (const auto& s : a.steps)
    if (s.item == index) sa = &s;
  w.open('[');
  if (sa && sa->stated.shape() == shape) {
    Matrix<const CellAudit*> audited(shape);
    Matrix<char> blank(shape);
    for (std::size_t r = 0; r < shape.rows; ++r)
      for (std::size_t c = 0; c < shape.cols; ++c) {
        audited(r, c) = nullptr;
        blank(r, c) = 0;
      }
    auto mark_blank = [&](std::size_t r, std::size_t c) {
      if (r < shape.rows && c < shape.cols && !sa->stated(r, c)) blank(r, c) = 1;
    };
    const Stated& st = *item.stated;
    switch (st.form) {
      case Stated::Form::matrix:
        for (std::size_t r = 0; r < shape.rows; ++r)
          for (std::size_t c = 0; c < shape.cols; ++c) mark_blank(r, c);
        break;
      case Stated::Form::vectors:
        for (const auto& vec : st.vectors) {
          long col = item.columns.find(vec.label, shape.cols), row = item.rows.find(vec.label, shape.rows);
          for (std::size_t k = 0; k < vec.cells.size(); ++k)
            if (!vec.cells[k].value) {
              if (col >= 0) mark_blank(k, static_cast<std::size_t>(col));
              else if (row >= 0) mark_blank(static_cast<std::size_t>(row), k);
            }
        }
        break;
      case Stated::Form::cells:
        for (const auto& cell : st.cells)
          if (!cell.cell.value && cell.row >= 1 && cell.col >= 1) mark_blank(cell.row - 1, cell.col - 1);
        break;
    }
    for (const auto& ca : sa->cells)
      if (ca.row < shape.rows && ca.col < shape.cols) audited(ca.row, ca.col) = &ca;
    for (std::size_t r = 0; r < shape.rows; ++r)
      for (std::size_t c = 0; c < shape.cols; ++c) {
        const CellAudit* ca = audited(r, c);
        if (!ca && !blank(r, c)) continue;
        w.open('{');
        w.key("row");
        w.number(r + 1);
        w.key("col");
        w.number(c + 1);
        w.key("label");
        w.string(item.cell_label(r, c));
        if (!ca) {
          w.key("stated");
          w.null();
          w.key("verdict");
          w.string("blank");
        } else {
          w.key("stated");
          w.string(ca->stated.text);
          w.key("verdict");
          w.string(to_string(ca->verdict));
          w.key("expected");
          w.string(ca->expected);
          w.key("expected_printed");
          w.string(ca->expected_printed);
          if (ca->verdict == Verdict::erratum) {
            w.key("downstream");
            w.string(to_string(ca->downstream));
          }
        }
        w.close('}');
      }
  }
  w.close(']');
}

}  // namespace

std::string render_key_json(const CaseAudit& a) {
  if (a.status == CaseAudit::Status::error || !a.kase) {
    if (a.error) throw *a.error;
    throw Error(SourceLoc{a.file, 0, 0}, "the case was not evaluated");
  }
  const Case& c = *a.kase;
  auto hand = [&](std::size_t i) -> const Matrix<Rational>* {
    return a.hand && i < a.hand->values.size() && a.hand->values[i] ? &*a.hand->values[i] : nullptr;
  };
  auto exact = [&](std::size_t i) -> const Matrix<Real>* {
    return a.exact && i < a.exact->values.size() && a.exact->values[i] ? &*a.exact->values[i] : nullptr;
  };
  std::string out;
  Writer w(out);
  w.open('{');
  w.key("handcheck");
  w.string("key/1");
  w.key("file");
  w.string(c.file);
  w.key("title");
  w.string(c.title);
  w.key("source");
  w.string(c.source);
  w.key("follows");
  w.string(c.follows == Follows::hand ? "hand" : "exact");
  w.key("digits");
  w.integer(c.digits);
  w.key("steps");
  w.open('[');
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    const Matrix<Rational>* h = hand(i);
    const Matrix<Real>* e = exact(i);
    Shape shape = h ? h->shape() : e ? e->shape() : Shape{};
    w.open('{');
    w.key("name");
    w.string(item.name);
    w.key("input");
    w.boolean(item.is_input);
    w.key("shape");
    w.open('[');
    w.number(shape.rows);
    w.number(shape.cols);
    w.close(']');
    std::vector<std::string> names;
    for (std::size_t r = 0; r < shape.rows; ++r) names.push_back(item.rows.at(r));
    w.key("rows");
    labels_value(w, names);
    names.clear();
    for (std::size_t col = 0; col < shape.cols; ++col) names.push_back(item.columns.at(col));
    w.key("columns");
    labels_value(w, names);
    if (!item.is_input) {
      w.key("expression");
      w.open('{');
      w.key("hand");
      w.string(to_string(*item.hand->ast));
      w.key("exact");
      w.string(to_string(*item.exact->ast));
      w.close('}');
    }
    w.key("explain");
    w.string(item.explain);
    w.key("digits");
    w.integer(item.digits);
    w.key("hand");
    if (!h) {
      w.null();
    } else {
      w.open('[');
      for (std::size_t r = 0; r < shape.rows; ++r) {
        w.open('[');
        for (std::size_t col = 0; col < shape.cols; ++col) w.fraction((*h)(r, col));
        w.close(']');
      }
      w.close(']');
    }
    w.key("exact");
    if (!e) {
      w.null();
    } else {
      w.open('[');
      for (std::size_t r = 0; r < shape.rows; ++r) {
        w.open('[');
        for (std::size_t col = 0; col < shape.cols; ++col) w.string(describe((*e)(r, col), item.digits));
        w.close(']');
      }
      w.close(']');
    }
    if (item.stated) {
      w.key("stated");
      stated_value(w, a, i, shape);
    }
    w.close('}');
  }
  w.close(']');
  w.key("errata");
  w.open('[');
  for (const auto& g : group_errata(a)) {
    w.open('{');
    w.key("headline");
    w.string(g.headline);
    w.key("consequence");
    w.string(g.consequence);
    w.close('}');
  }
  w.close(']');
  w.key("notes");
  w.open('[');
  if (a.hand && a.hand->stopped)
    w.string("The hand pipeline stops early (no stated number after that point follows it): " + a.hand->stopped->message());
  if (a.exact && a.exact->undecided) w.string("The exact pipeline stops early: " + a.exact->undecided->message());
  w.close(']');
  w.close('}');
  out += '\n';
  return out;
}


}  // namespace handcheck
