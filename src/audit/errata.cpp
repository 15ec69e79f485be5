#include "handcheck/audit/errata.hpp"

#include <algorithm>
#include <map>

namespace handcheck {

namespace {

// The cells of the group's vector (or its lone cell), stated against expected.
// The audited cell at each place of a step (the last one audited there), or nullptr.
Matrix<const CellAudit*> cells_by_place(const StepAudit& sa) {
  Matrix<const CellAudit*> at(sa.stated.shape(), nullptr);
  for (const auto& x : sa.cells)
    if (x.row < at.rows() && x.col < at.cols()) at(x.row, x.col) = &x;
  return at;
}

void add_vector(const CaseAudit& a, ErratumGroup& g, const Matrix<const CellAudit*>& at) {
  const StepAudit& sa = a.steps[g.step];
  const Item& item = a.kase->items[sa.item];
  const CellAudit& first = a.cell(a.errata[g.errata[0]]);
  auto show = [&](std::size_t r, std::size_t col) {
    const auto& s = sa.stated(r, col);
    const CellAudit* ca = at(r, col);
    g.stated.push_back(s ? s->text : "?");
    // A cell ok only through its operands' ranges still shows its correct value.
    bool as_stated = !ca || (ca->verdict == Verdict::ok && ca->against_correct == Match::yes);
    g.expected.push_back(as_stated ? g.stated.back() : ca->expected_printed);
    if (ca && (ca->verdict == Verdict::carried || ca->verdict == Verdict::undecided)) g.only_errata_differ = false;
  };
  for (std::size_t e : g.errata) g.errata_labels.push_back(a.cell(a.errata[e]).label);
  if (std::string col = item.columns.at(first.col); !col.empty()) {
    g.name = col;
    for (std::size_t r = 0; r < sa.stated.rows(); ++r) show(r, first.col);
  } else if (std::string row = item.rows.at(first.row); !row.empty()) {
    g.name = row;
    for (std::size_t c = 0; c < sa.stated.cols(); ++c) show(first.row, c);
  } else {
    g.name = first.label;
    show(first.row, first.col);
  }
}

// The carried cells that name each erratum as their root, as (step, cell) in audit order.
using CarriedByRoot = std::map<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>>;

CarriedByRoot carried_by_root(const CaseAudit& a) {
  CarriedByRoot out;
  for (std::size_t st = 0; st < a.steps.size(); ++st)
    for (std::size_t k = 0; k < a.steps[st].cells.size(); ++k) {
      const CellAudit& cell = a.steps[st].cells[k];
      if (cell.verdict == Verdict::carried && cell.root >= 0) out[static_cast<std::size_t>(cell.root)].emplace_back(st, k);
    }
  return out;
}

void add_reach(const CaseAudit& a, ErratumGroup& g, const CarriedByRoot& by_root) {
  int correct = 0, stated = 0, mixed = 0;
  for (std::size_t e : g.errata) {
    switch (a.cell(a.errata[e]).downstream) {
      case Downstream::correct: ++correct; break;
      case Downstream::stated: ++stated; break;
      case Downstream::mixed: ++mixed; break;
      case Downstream::none: break;
    }
  }
  // The claim names the group's whole vector: every erratum in it must bear it out.
  const auto all = static_cast<int>(g.errata.size());
  g.reach = mixed || (correct && stated) ? ErratumReach::partly
            : correct == all             ? ErratumReach::typo
            : stated == all              ? ErratumReach::propagated
                                         : ErratumReach::unknown;
  std::vector<std::pair<std::size_t, std::size_t>> places;  // the group's carried cells, in audit order
  for (std::size_t e : g.errata)
    if (auto it = by_root.find(e); it != by_root.end()) places.insert(places.end(), it->second.begin(), it->second.end());
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  std::map<std::size_t, std::vector<std::string>> carried;  // item -> labels
  for (auto [st, k] : places) {
    carried[a.steps[st].item].push_back(a.steps[st].cells[k].label);
    ++g.carried_cells;
  }
  for (auto& [item, labels] : carried) g.carried.push_back({item, std::move(labels)});
  g.scope = a.steps[g.step].downstream_scope;
}

}  // namespace

std::vector<ErratumGroup> group_errata(const CaseAudit& a) {
  const Case& c = *a.kase;
  std::vector<ErratumGroup> groups;
  // Key: (step, vector) where vector is a named column, a named row, or the cell itself.
  std::map<std::pair<std::size_t, std::string>, std::size_t> index;
  for (std::size_t e = 0; e < a.errata.size(); ++e) {
    const ErratumRef& ref = a.errata[e];
    const StepAudit& sa = a.steps[ref.step];
    const Item& item = c.items[sa.item];
    const CellAudit& cell = sa.cells[ref.cell];
    std::string key = !item.columns.at(cell.col).empty() ? "c" + item.columns.at(cell.col)
                      : !item.rows.at(cell.row).empty()  ? "r" + item.rows.at(cell.row)
                                                         : "x" + cell.label;
    auto [it, fresh] = index.try_emplace({ref.step, key}, groups.size());
    if (fresh) {
      ErratumGroup g;
      g.step = ref.step;
      groups.push_back(std::move(g));
    }
    groups[it->second].errata.push_back(e);
  }
  std::map<std::size_t, Matrix<const CellAudit*>> places;  // step -> its cells by place
  const CarriedByRoot by_root = carried_by_root(a);
  for (auto& g : groups) {
    auto it = places.find(g.step);
    if (it == places.end()) it = places.emplace(g.step, cells_by_place(a.steps[g.step])).first;
    add_vector(a, g, it->second);
    add_reach(a, g, by_root);
  }
  return groups;
}

}  // namespace handcheck
