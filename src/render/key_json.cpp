#include "handcheck/render/key_json.hpp"

#include "handcheck/printable.hpp"
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

json key_json(const CaseAudit& a, const KeyOptions& options) {
  keys::KeyView k = keys::build_key_view(a, options);
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
  for (const auto& g : k.errata) {
    ErratumWords w = erratum_words(*k.audit, g);
    errata.push_back({{"headline", w.headline}, {"consequence", w.consequence}});
  }
  j["errata"] = std::move(errata);
  j["notes"] = k.notes;
  return j;
}

std::string render_key_json(const CaseAudit& a, const KeyOptions& options) {
  return json_printable(key_json(a, options).dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
}

}  // namespace handcheck
