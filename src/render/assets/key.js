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
    try { history.replaceState(null, '', '#' + encodeURIComponent(items[index].name)); } catch { /* file: URLs may refuse */ }
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
  try { wanted = decodeURIComponent(wanted); } catch { /* keep it as written */ }
  items.forEach(function (it, i) { if (it.name === wanted) start = i; });
  go(start);
})();
