#include "handcheck/render/key_html.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "handcheck/printable.hpp"
#include "key_common.hpp"

namespace handcheck {

namespace {

using json = nlohmann::ordered_json;
using keys::CellView;
using keys::ItemView;

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
  for (const auto& v : k.items) {
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
      for (std::size_t c = 0; c < v.shape.cols; ++c) {
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
        row.push_back(std::move(x));
      }
      cells.push_back(std::move(row));
    }
    it["cells"] = std::move(cells);
    items.push_back(std::move(it));
  }
  d["items"] = std::move(items);
  return d;
}

// JSON that is safe inside a <script> element: no '<', '>' or '&' survives, so neither
// "</script>" nor "<!--" can end or change it.
std::string script_json(const json& j) {
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

constexpr std::string_view kStyle = R"css(
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d5dbe3; --paper: #ffffff; --band: #f5f7fa;
  --read: #e6efff; --read-strong: #9dbbff; --write: #fff1dc; --write-strong: #f59e0b;
  --bad: #c81e1e; --bad-bg: #fde8e8; --carried: #b45309; --ok: #047857; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--paper); }
header { padding: 14px 24px 6px; }
h1 { font-size: 1.35rem; margin: 0 0 4px; }
.source { color: var(--muted); font-size: 0.85rem; margin: 0; }
.errata { margin: 8px 0 0; padding: 8px 12px; border-left: 4px solid var(--bad); background: var(--bad-bg);
  font-size: 0.9rem; }
.errata p { margin: 2px 0; }
.notes { color: var(--muted); font-size: 0.85rem; }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 8px; align-items: center;
  padding: 8px 24px; background: var(--band); border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); }
button, select { font: inherit; font-size: 0.9rem; padding: 5px 12px; border: 1px solid #aab4c0; border-radius: 6px;
  background: #fff; color: var(--ink); cursor: pointer; }
button:hover { background: #eef2f7; }
button:focus-visible, select:focus-visible, td.cell:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
button:disabled { opacity: 0.45; cursor: default; }
#play[aria-pressed="true"] { background: var(--accent); color: #fff; border-color: var(--accent); }
#step-index { min-width: 4.5em; text-align: center; font-variant-numeric: tabular-nums; color: var(--muted); }
#mode span { padding: 0 4px; border-radius: 4px; }
#mode[aria-pressed="false"] .hand, #mode[aria-pressed="true"] .exact { background: var(--accent); color: #fff; }
.spacer { flex: 1 1 auto; }
.keys-hint { color: var(--muted); font-size: 0.8rem; }
nav#steps { display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 24px 0; }
nav#steps button { padding: 2px 8px; font-size: 0.8rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
nav#steps button.input { color: var(--muted); }
nav#steps button.has-errata { border-color: var(--bad); color: var(--bad); }
nav#steps button[aria-current="step"] { background: var(--ink); color: #fff; border-color: var(--ink); }
main { display: flex; gap: 24px; align-items: flex-start; padding: 16px 24px 32px; }
#stage { flex: 1 1 0; min-width: 0; overflow-x: auto; }
#side { flex: 0 0 340px; border-left: 3px solid var(--line); padding-left: 16px; }
#side h2 { font-size: 1.1rem; margin: 0 0 6px; }
.expr { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9rem; background: var(--band);
  padding: 4px 8px; border-radius: 4px; margin: 0 0 8px; overflow-wrap: anywhere; }
.expr b { font-family: system-ui, sans-serif; font-weight: 600; color: var(--muted); font-size: 0.8rem; }
#explain { margin: 0 0 12px; }
#counts { font-size: 0.85rem; margin: 0 0 8px; }
#counts .bad { color: var(--bad); font-weight: 600; }
#counts .carried { color: var(--carried); font-weight: 600; }
#approx { font-size: 0.85rem; color: var(--muted); margin: 0 0 8px; padding-left: 18px; }
#how { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.82rem; white-space: pre-wrap;
  overflow-wrap: anywhere; background: #fbfbf7; border: 1px dashed #c9c3a8; border-radius: 6px; padding: 8px; min-height: 4em; }
#how .hint { font-family: system-ui, sans-serif; color: var(--muted); white-space: normal; }
.board { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 18px; }
.result { display: flex; align-items: center; gap: 18px; max-width: 100%; }
.arrow { font-size: 1.6rem; color: var(--muted); }
figure.matrix { margin: 0; max-width: 100%; overflow-x: auto; }
figure.matrix figcaption { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85rem;
  margin-bottom: 2px; color: var(--muted); }
figure.matrix.writes figcaption { color: var(--ink); font-weight: 600; }
figure.matrix.reads figcaption::after { content: "  reads"; font-family: system-ui, sans-serif; font-size: 0.7rem; color: var(--accent); }
figure.matrix.writes figcaption::after { content: "  writes"; font-family: system-ui, sans-serif; font-size: 0.7rem; color: var(--write-strong); }
table.m { border-collapse: separate; border-spacing: 0; font-variant-numeric: tabular-nums; }
table.m th { font-weight: normal; color: var(--muted); font-size: 0.72rem; padding: 0 5px;
  font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-align: right; }
/* A white inner ring separates cells while the brackets run unbroken down the sides. */
table.m td { font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-align: right; padding: 4px 8px;
  white-space: nowrap; line-height: 1.25; box-shadow: inset 0 0 0 1px #fff; background-repeat: no-repeat; }
table.m td.first { border-left: 2px solid var(--ink); }
table.m td.last { border-right: 2px solid var(--ink); }
table.m tr:first-child td.first, table.m tr:first-child td.last, table.m tr:last-child td.first, table.m tr:last-child td.last {
  background-image: linear-gradient(var(--ink), var(--ink)); background-size: 7px 2px; }
table.m tr:first-child td.first { background-position: left top; }
table.m tr:first-child td.last { background-position: right top; }
table.m tr:last-child td.first { background-position: left bottom; }
table.m tr:last-child td.last { background-position: right bottom; }
table.m tr:first-child:last-child td.first { background-image: linear-gradient(var(--ink), var(--ink)), linear-gradient(var(--ink), var(--ink));
  background-size: 7px 2px, 7px 2px; background-position: left top, left bottom; }
table.m tr:first-child:last-child td.last { background-image: linear-gradient(var(--ink), var(--ink)), linear-gradient(var(--ink), var(--ink));
  background-size: 7px 2px, 7px 2px; background-position: right top, right bottom; }
.reads td.ocell { background-color: var(--read); }
.writes td.cell { background-color: var(--write); cursor: help; }
td.ocell.hl { background-color: var(--read-strong); box-shadow: inset 0 0 0 1px #fff, inset 0 0 0 3px var(--accent); }
td.cell.active { background-color: #ffd89a; box-shadow: inset 0 0 0 1px #fff, inset 0 0 0 3px var(--write-strong); }
td.cell.erratum { background-color: var(--bad-bg); box-shadow: inset 0 0 0 1px #fff, inset 0 0 0 3px var(--bad); }
td.cell.erratum.active { background-color: #fbc9c9; }
td.cell.carried { box-shadow: inset 0 0 0 1px #fff, inset 0 0 0 3px var(--carried); }
td.cell.erratum::before { content: "\2717  "; color: var(--bad); font-weight: 700; }
td.cell.carried::before { content: "\21B7  "; color: var(--carried); font-weight: 700; }
td .v { display: inline-block; }
td .d { display: block; font-size: 0.7rem; color: var(--muted); }
td .s { display: block; font-size: 0.7rem; color: var(--bad); }
td.carried .s { color: var(--carried); }
.legend { font-size: 0.8rem; color: var(--muted); margin-top: 10px; }
.legend span { margin-right: 12px; white-space: nowrap; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 18px; margin-top: 18px; padding-top: 10px; border-top: 1px solid var(--line); }
.heatmaps h3 { width: 100%; font-size: 0.95rem; margin: 0; }
table.heat td { min-width: 3.6em; color: var(--ink);
  background-color: color-mix(in srgb, #1d4ed8 calc(var(--p, 0) * 1%), #ffffff); }
table.heat td.dark { color: #fff; }
.missing { color: var(--muted); font-style: italic; }
@media (max-width: 599px) {
  header, .toolbar, nav#steps { padding-left: 12px; padding-right: 12px; }
  main { flex-direction: column; padding: 12px; gap: 16px; }
  #stage { flex: none; width: 100%; }
  #side { flex: 1 1 auto; width: 100%; border-left: 0; border-top: 3px solid var(--line); padding: 10px 0 0; }
  .keys-hint { display: none; }
  table.m td { padding: 3px 5px; font-size: 0.85rem; }
  table.heat td { min-width: 0; font-size: 0.72rem; padding: 3px 3px; }
}
)css";

constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('key-data').textContent);
  var items = data.items;
  var index = 0, mode = data.follows, timer = null, active = null;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // Header: source, errata, notes.
  if (data.source) $('source').textContent = data.source;
  if (data.errata.length) {
    var box = $('errata');
    box.hidden = false;
    box.appendChild(el('strong', '', data.errata.length === 1 ? 'Erratum' : 'Errata'));
    data.errata.forEach(function (g) {
      box.appendChild(el('p', '', g.headline + (g.consequence ? ' \u2014 ' + g.consequence : '')));
    });
  }
  data.notes.forEach(function (n) { $('notes').appendChild(el('p', '', n)); });

  // The strip of steps: jump anywhere.
  var nav = $('steps');
  items.forEach(function (it, i) {
    var b = el('button', it.input ? 'input' : '', it.name);
    b.type = 'button';
    if (it.counts.erratum > 0) b.classList.add('has-errata');
    b.addEventListener('click', function () { go(i); });
    nav.appendChild(b);
  });

  function shown(cell) {
    if (mode === 'hand') return { v: cell.hand === '' ? '\u2014' : cell.hand, d: cell.hand_decimal };
    return { v: cell.exact_short === '' ? '\u2014' : cell.exact_short, d: '' };
  }

  // One matrix as a bracketed table. role: 'writes' (the step), 'reads' (an operand), 'input'.
  function matrix(item, itemIndex, role, caption) {
    var fig = el('figure', 'matrix ' + role);
    fig.dataset.item = String(itemIndex);
    fig.dataset.name = item.name;
    fig.appendChild(el('figcaption', '', caption));
    var table = el('table', 'm');
    var thead = el('thead'), hr = el('tr');
    hr.appendChild(el('th'));
    item.cols.forEach(function (c) { hr.appendChild(el('th', '', c)); });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el('tbody');
    var own = role !== 'reads';
    item.cells.forEach(function (row, r) {
      var tr = el('tr');
      tr.appendChild(el('th', '', item.rows[r]));
      row.forEach(function (cell, c) {
        var td = el('td', own ? 'cell' : 'ocell');
        if (c === 0) td.classList.add('first');
        if (c === row.length - 1) td.classList.add('last');
        td.dataset.row = String(r + 1);
        td.dataset.col = String(c + 1);
        td.dataset.item = String(itemIndex);
        var s = shown(cell);
        td.appendChild(el('span', 'v', s.v));
        if (s.d) td.appendChild(el('span', 'd', s.d));
        var title = [cell.name + ' (' + cell.label + ')', 'hand: ' + (cell.hand || '\u2014'),
                     'exact: ' + (cell.exact || '\u2014')];
        if (own) {
          td.tabIndex = 0;
          td.dataset.hand = cell.hand;
          td.dataset.exact = cell.exact;
          if (cell.stated) {
            var st = cell.stated;
            td.dataset.verdict = st.verdict;
            if (st.verdict === 'erratum' || st.verdict === 'carried') {
              td.classList.add(st.verdict);
              td.appendChild(el('span', 's', 'sheet: ' + st.text));
            }
            title.push(st.note);
          }
        }
        td.title = title.join('\n');
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    fig.appendChild(table);
    return fig;
  }

  function heatmap(item, which) {
    var fig = el('figure', 'matrix heatmap');
    fig.dataset.pipeline = which;
    fig.appendChild(el('figcaption', '', item.name + (which === 'hand' ? ', by hand' : ', exact')));
    var table = el('table', 'm heat'), thead = el('thead'), hr = el('tr');
    hr.appendChild(el('th'));
    item.cols.forEach(function (c) { hr.appendChild(el('th', '', c)); });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el('tbody');
    item.cells.forEach(function (row, r) {
      var tr = el('tr');
      tr.appendChild(el('th', '', item.rows[r]));
      row.forEach(function (cell) {
        var p = cell.heat[which === 'hand' ? 0 : 1];
        var td = el('td', '', p < 0 ? '\u2014' : (which === 'hand' ? cell.hand : cell.exact_short));
        if (p >= 0) {
          td.style.setProperty('--p', String(p));
          if (p >= 55) td.classList.add('dark');
        }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    fig.appendChild(table);
    return fig;
  }

  function render() {
    var item = items[index];
    var stage = $('stage');
    active = null;
    stage.replaceChildren();
    stage.dataset.step = item.name;
    stage.dataset.index = String(index);
    var board = el('div', 'board');
    if (item.input) {
      board.appendChild(matrix(item, index, 'writes input', item.name));
    } else {
      item.operands.forEach(function (o) { board.appendChild(matrix(items[o], o, 'reads', items[o].name)); });
      // The arrow wraps together with the result it points to.
      var result = el('div', 'result');
      result.appendChild(el('div', 'arrow', '\u2192'));
      result.appendChild(matrix(item, index, 'writes', item.name + ' = ' + (mode === 'hand' ? item.hand_expr : item.exact_expr)));
      board.appendChild(result);
    }
    stage.appendChild(board);
    if ((mode === 'hand' && !item.has_hand) || (mode === 'exact' && !item.has_exact))
      stage.appendChild(el('p', 'missing', 'The ' + mode + ' pipeline stops before this step.'));
    if (item.probability) {
      var hm = el('div', 'heatmaps');
      hm.appendChild(el('h3', '', 'Each ' + (item.by_columns ? 'column' : 'row') + ' is a probability distribution: hand and exact side by side'));
      hm.appendChild(heatmap(item, 'hand'));
      hm.appendChild(heatmap(item, 'exact'));
      stage.appendChild(hm);
    }
    var legend = el('div', 'legend');
    if (item.counts.erratum) legend.appendChild(el('span', '', '\u2717 erratum'));
    if (item.counts.carried) legend.appendChild(el('span', '', '\u21b7 carried from an earlier erratum'));
    stage.appendChild(legend);

    // The explanation beside it.
    $('step-title').textContent = (item.input ? 'Input ' : 'Step ') + item.name;
    var ex = $('expr');
    ex.replaceChildren();
    if (!item.input) {
      if (item.same) {
        ex.appendChild(el('div', '', item.name + ' = ' + item.hand_expr));
      } else {
        var h = el('div'); h.appendChild(el('b', '', 'hand ')); h.appendChild(document.createTextNode(item.name + ' = ' + item.hand_expr));
        var x = el('div'); x.appendChild(el('b', '', 'exact ')); x.appendChild(document.createTextNode(item.name + ' = ' + item.exact_expr));
        ex.appendChild(h); ex.appendChild(x);
      }
    }
    ex.hidden = item.input;
    $('explain').textContent = item.explain || (item.input ? 'Given.' : '');
    var counts = $('counts');
    counts.replaceChildren();
    var c = item.counts;
    if (c.stated + c.blank > 0) {
      counts.appendChild(document.createTextNode('The worksheet states ' + c.stated + ' cell' + (c.stated === 1 ? '' : 's') + ': ' + c.ok + ' ok'));
      if (c.erratum) { counts.appendChild(document.createTextNode(', ')); counts.appendChild(el('span', 'bad', c.erratum + (c.erratum === 1 ? ' erratum' : ' errata'))); }
      if (c.carried) { counts.appendChild(document.createTextNode(', ')); counts.appendChild(el('span', 'carried', c.carried + ' carried')); }
      if (c.blank) counts.appendChild(document.createTextNode(', ' + c.blank + ' blank'));
      counts.appendChild(document.createTextNode('.'));
    }
    var approx = $('approx');
    approx.replaceChildren();
    item.approximation.forEach(function (line) { approx.appendChild(el('li', '', line)); });
    showHow(null);

    $('step-index').textContent = (index + 1) + ' / ' + items.length;
    $('prev').disabled = index === 0;
    $('next').disabled = index === items.length - 1;
    Array.prototype.forEach.call(nav.children, function (b, i) {
      if (i === index) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current');
    });
  }

  function showHow(td) {
    var how = $('how');
    how.replaceChildren();
    var stage = $('stage');
    Array.prototype.forEach.call(stage.querySelectorAll('.hl, .active'), function (e) { e.classList.remove('hl', 'active'); });
    active = td;
    if (!td) {
      how.appendChild(el('span', 'hint', items[index].input ? 'An input: its values are given.' : 'Hover or focus a cell to see how it is computed; the cells it reads light up.'));
      return;
    }
    var item = items[index];
    var cell = item.cells[Number(td.dataset.row) - 1][Number(td.dataset.col) - 1];
    td.classList.add('active');
    var text;
    if (item.input) {
      text = cell.name + ' = ' + cell.hand + ' (given)';
    } else {
      text = mode === 'hand' ? cell.how_hand : cell.how_exact;
      if (mode === 'exact' && cell.exact) text += '\ncertified: ' + cell.exact;
      if (mode === 'hand' && cell.hand_decimal) text += ' = ' + cell.hand_decimal;
      var reads = cell.reads;
      var targets = reads === null ? stage.querySelectorAll('td.ocell') : [];
      if (reads) {
        targets = reads.map(function (ref) {
          return stage.querySelector('td.ocell[data-item="' + ref[0] + '"][data-row="' + (ref[1] + 1) + '"][data-col="' + (ref[2] + 1) + '"]');
        });
      }
      Array.prototype.forEach.call(targets, function (e) { if (e) e.classList.add('hl'); });
    }
    if (cell.stated) {
      text += '\n\n';
      if (item.follows !== mode) text += 'The sheet follows the ' + item.follows + ' pipeline. ';
      text += cell.stated.note;
    }
    how.textContent = text;
  }

  function go(i) {
    index = Math.max(0, Math.min(items.length - 1, i));
    render();
    try { history.replaceState(null, '', '#' + encodeURIComponent(items[index].name)); } catch (e) { /* file: URLs may refuse */ }
  }
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    $('play').setAttribute('aria-pressed', 'false');
    $('play').textContent = '\u25b6 Play';
  }
  function play() {
    if (index === items.length - 1) go(0);
    $('play').setAttribute('aria-pressed', 'true');
    $('play').textContent = '\u275a\u275a Pause';
    timer = setInterval(function () {
      if (index < items.length - 1) go(index + 1);
      if (index === items.length - 1) stop();
    }, Number($('speed').value));
  }
  function toggle() { if (timer === null) play(); else stop(); }
  function setMode(m) {
    mode = m;
    $('mode').setAttribute('aria-pressed', m === 'exact' ? 'true' : 'false');
    document.body.dataset.mode = m;
    var keep = active ? [active.dataset.row, active.dataset.col] : null;
    render();
    if (keep) {
      var td = $('stage').querySelector('td.cell[data-row="' + keep[0] + '"][data-col="' + keep[1] + '"]');
      if (td) showHow(td);
    }
  }

  $('next').addEventListener('click', function () { go(index + 1); });
  $('prev').addEventListener('click', function () { go(index - 1); });
  $('play').addEventListener('click', toggle);
  $('mode').addEventListener('click', function () { setMode(mode === 'hand' ? 'exact' : 'hand'); });
  $('speed').addEventListener('change', function () { if (timer !== null) { stop(); play(); } });
  var stageEl = $('stage');
  stageEl.addEventListener('mouseover', function (e) {
    var td = e.target.closest && e.target.closest('td.cell');
    if (td && td !== active) showHow(td);
  });
  stageEl.addEventListener('focusin', function (e) {
    var td = e.target.closest && e.target.closest('td.cell');
    if (td) showHow(td);
  });
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA') return;
    if (e.key === 'ArrowRight') { e.preventDefault(); go(index + 1); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); go(index - 1); }
    else if (e.key === ' ' || e.key === 'Spacebar') { e.preventDefault(); toggle(); }
    else if (e.key === 'Home') { e.preventDefault(); go(0); }
    else if (e.key === 'End') { e.preventDefault(); go(items.length - 1); }
  });
  // Space on a focused button would also click it: the keydown above already toggled.
  document.addEventListener('keyup', function (e) { if (e.key === ' ') e.preventDefault(); });

  $('mode').setAttribute('aria-pressed', mode === 'exact' ? 'true' : 'false');
  document.body.dataset.mode = mode;
  var start = 0;
  var wanted = location.hash.slice(1);
  // A malformed fragment (#%E0%A4%A) is taken as written, not a reason for a blank page.
  try { wanted = decodeURIComponent(wanted); } catch (err) {}
  items.forEach(function (it, i) { if (it.name === wanted) start = i; });
  go(start);
})();
)js";

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
  out += "<title>Answer key: " + title + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body data-mode=\"hand\">\n";
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
  out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace handcheck
