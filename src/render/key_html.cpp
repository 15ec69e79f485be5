#include "handcheck/render/key_html.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "assets/embedded.hpp"
#include "handcheck/printable.hpp"
#include "key_common.hpp"

namespace handcheck {

namespace {

using json = nlohmann::ordered_json;
using keys::CellView;
using keys::ItemView;

// One cell of a step or an input, with its stated number and how it is computed.
json cell_data(const ItemView& v, std::size_t r, std::size_t c) {
  const CellView& cell = v.cells(r, c);
  json x;
  x["label"] = cell.label;
  x["name"] = keys::cell_name(v, r, c);
  x["hand"] = cell.hand;
  x["hand_decimal"] = cell.hand_decimal;
  x["exact"] = cell.exact;
  x["exact_short"] = cell.exact_short;
  if (v.probability) x["heat"] = {cell.heat_hand, cell.heat_exact};
  if (cell.stated) {
    const auto& s = *cell.stated;
    x["stated"] = {{"blank", s.blank},
                   {"text", s.text},
                   {"verdict", s.blank ? "blank" : std::string(to_string(s.verdict))},
                   {"expected", s.expected},
                   {"note", keys::verdict_note(s)}};
  }
  if (!v.is_input) {
    x["how_hand"] = cell.how_hand;
    x["how_exact"] = cell.how_exact;
    if (cell.reads_all) {
      x["reads"] = nullptr;
    } else {
      json reads = json::array();
      for (const auto& ref : cell.reads) reads.push_back({ref.item, ref.row, ref.col});
      x["reads"] = std::move(reads);
    }
  }
  return x;
}

json item_data(const ItemView& v) {
  json it;
  it["name"] = v.name;
  it["input"] = v.is_input;
  it["shape"] = {v.shape.rows, v.shape.cols};
  json rows = json::array(), cols = json::array();
  for (std::size_t r = 0; r < v.shape.rows; ++r) rows.push_back(keys::row_header(v, r));
  for (std::size_t c = 0; c < v.shape.cols; ++c) cols.push_back(keys::col_header(v, c));
  it["rows"] = std::move(rows);
  it["cols"] = std::move(cols);
  it["explain"] = v.item->explain;
  it["hand_expr"] = v.hand_expr;
  it["exact_expr"] = v.exact_expr;
  it["same"] = v.same_expression;
  it["follows"] = v.item->follows == Follows::hand ? "hand" : "exact";
  it["operands"] = v.operands;
  it["has_hand"] = v.has_hand;
  it["has_exact"] = v.has_exact;
  it["probability"] = v.probability;
  it["by_columns"] = v.by_columns;
  it["approximation"] = v.approximation;
  it["digits"] = v.digits;
  it["counts"] = {{"stated", v.stated}, {"ok", v.ok}, {"erratum", v.erratum}, {"carried", v.carried}, {"blank", v.blank}};
  json cells = json::array();
  for (std::size_t r = 0; r < v.shape.rows; ++r) {
    json row = json::array();
    for (std::size_t c = 0; c < v.shape.cols; ++c) row.push_back(cell_data(v, r, c));
    cells.push_back(std::move(row));
  }
  it["cells"] = std::move(cells);
  return it;
}

// Everything the page shows, for its script. Case text travels only here and is put on the
// page with textContent, so no case text is ever parsed as markup.
json page_data(const keys::KeyView& k) {
  json d;
  d["title"] = k.title;
  d["source"] = k.source;
  d["file"] = k.file;
  d["follows"] = k.follows;
  d["digits"] = k.digits;
  json errata = json::array();
  for (const auto& g : k.errata) {
    std::string step = k.audit->kase->items[k.audit->steps[g.step].item].name;
    ErratumWords w = erratum_words(*k.audit, g);
    errata.push_back({{"step", step}, {"headline", w.headline}, {"consequence", w.consequence}, {"carried", w.carried}});
  }
  d["errata"] = std::move(errata);
  d["notes"] = k.notes;
  json items = json::array();
  for (const auto& v : k.items) items.push_back(item_data(v));
  d["items"] = std::move(items);
  return d;
}

// Every string of the page's data as printable() writes it: the script puts them on the page
// as they are once JSON.parse has undone the JSON escapes, so a control character or a bidi
// override in a case's text would otherwise reach the page raw.
void make_visible(json& j) {
  if (j.is_string()) j = printable(j.get_ref<const std::string&>());
  else if (j.is_structured())
    for (auto& element : j) make_visible(element);
}

// JSON that is safe inside a <script> element: no '<', '>' or '&' survives, so neither
// "</script>" nor "<!--" can end or change it.
std::string script_json(json j) {
  make_visible(j);
  std::string s = json_printable(j.dump(-1, ' ', false, json::error_handler_t::replace));
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  for (char ch : s) {
    switch (ch) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += ch;
    }
  }
  return out;
}

}  // namespace

std::string render_key_html(const CaseAudit& a, const KeyOptions& options) {
  keys::KeyView k = keys::build_key_view(a, options);
  std::string title = keys::escape_html(k.title.empty() ? k.file : k.title);
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Nothing is fetched from anywhere: the page works offline and cannot leak.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">\n";
  out += "<title>Answer key: " + title + "</title>\n<style>\n" + std::string(assets::key_css) + "</style>\n</head>\n<body data-mode=\"hand\">\n";
  out += "<header>\n<h1>Answer key: " + title + "</h1>\n<p class=\"source\" id=\"source\"></p>\n";
  out += "<div class=\"errata\" id=\"errata\" hidden></div>\n<div class=\"notes\" id=\"notes\"></div>\n";
  out += "<noscript><p>This answer key steps through the worksheet with a script; the Markdown, LaTeX or JSON key "
         "shows the same numbers without one.</p></noscript>\n</header>\n";
  out += R"html(<div class="toolbar" role="toolbar" aria-label="Step through the worksheet">
<button type="button" id="prev" aria-label="Previous step">&#9664; Prev</button>
<button type="button" id="play" aria-pressed="false">&#9654; Play</button>
<button type="button" id="next" aria-label="Next step">Next &#9654;</button>
<span id="step-index" aria-live="polite"></span>
<label>Speed <select id="speed"><option value="3000">slow</option><option value="1500" selected>normal</option><option value="500">fast</option></select></label>
<span class="spacer"></span>
<button type="button" id="mode" aria-pressed="false" title="Switch between the hand values and the exact values"><span class="hand">Hand</span> <span class="exact">Exact</span></button>
<span class="keys-hint">&#8592; &#8594; step, Space play/pause</span>
</div>
<nav id="steps" aria-label="Steps"></nav>
<main>
<section class="step" id="stage" aria-label="Current step"></section>
<aside id="side">
<h2 id="step-title"></h2>
<div class="expr" id="expr"></div>
<p id="explain"></p>
<p id="counts"></p>
<ul id="approx"></ul>
<div id="how" aria-live="polite"></div>
</aside>
</main>
)html";
  out += "<script type=\"application/json\" id=\"key-data\">" + script_json(page_data(k)) + "</script>\n";
  out += "<script>\n" + std::string(assets::key_js) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace handcheck
