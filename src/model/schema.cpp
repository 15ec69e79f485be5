#include "handcheck/model/schema.hpp"

#include <nlohmann/json.hpp>

namespace handcheck {

namespace {

using json = nlohmann::ordered_json;

// Numbers written as text (YAML reads 1e-3, "3/10" and -inf as strings): a decimal with an
// optional exponent, a fraction, or an infinity. A YAML number (2, -0.375, -.inf) is a number.
constexpr const char* number_pattern =
    R"(^\s*[+-]?(((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)|(\d+\s*/\s*[+-]?\d+)|([Ii]nf(inity)?|INF|∞|\.(inf|Inf|INF)))\s*$)";

json ref(const char* def) { return {{"$ref", std::string("#/$defs/") + def}}; }

json list_of(json item) { return {{"type", "array"}, {"minItems", 1}, {"items", std::move(item)}}; }

// A matrix: a single value, a flat list (one row) or a list of rows.
json matrix_of(const char* cell, const char* description) {
  return {{"description", description},
          {"anyOf", json::array({ref(cell), list_of(ref(cell)), list_of(list_of(ref(cell)))})}};
}

// The values a case holds: names, numbers, matrices, labels, expressions and settings.
json value_defs() {
  json defs;
  defs["name"] = {{"type", "string"}, {"pattern", "^[A-Za-z_][A-Za-z0-9_]*$"}, {"maxLength", 64}};
  defs["number"] = {
      {"description", "A number, read from its text exactly: 2, -0.375, 1e-3, \"3/10\", -inf"},
      {"anyOf", json::array({{{"type", "number"}}, {{"type", "string"}, {"pattern", number_pattern}}})}};
  defs["cell"] = {{"description", "A stated number, or null or \"?\" for a blank on the sheet"},
                  {"anyOf", json::array({ref("number"), {{"type", "null"}}, {{"const", "?"}}})}};
  defs["matrix"] = matrix_of("number", "Rows of a matrix, one row as a flat list, or a single number");
  defs["labels"] = {
      {"description", "A prefix (q names the vectors q1, q2, ...) or a list of names"},
      {"anyOf", json::array({ref("name"), {{"type", "array"}, {"items", ref("name")}, {"uniqueItems", true}}})}};
  defs["expression"] = {{"description", "An expression of inputs and earlier steps: WQ @ X, floor(S / 2), X^T"},
                        {"type", json::array({"string", "number"})}};
  defs["follows"] = {{"description", "The pipeline the stated numbers were computed with"},
                     {"enum", json::array({"hand", "exact"})}};
  defs["compare"] = {{"description", "How stated numbers are compared: printed, exact, abs:EPS, rel:EPS, sigfig:N"},
                     {"type", "string"},
                     {"pattern", R"(^(printed|exact|(abs|rel):\S+|sigfig:\d+)$)"}};
  defs["digits"] = {{"description", "Significant digits of the exact pipeline"},
                    {"type", "integer"}, {"minimum", 1}, {"maximum", 100000}};
  defs["stated"] = {
      {"description", "What the worksheet prints: the whole matrix; {label: vector}; or {\"r,c\": value}"},
      {"anyOf", json::array({{{"type", "null"}},
                             matrix_of("cell", "The whole matrix"),
                             {{"type", "object"},
                              {"patternProperties", {{R"(^\s*\d+\s*,\s*\d+\s*$)", ref("cell")}}},
                              {"propertyNames", {{"anyOf", json::array({ref("name"),
                                                                        {{"pattern", R"(^\s*\d+\s*,\s*\d+\s*$)"}}})}}},
                              {"additionalProperties",
                               {{"anyOf", json::array({ref("cell"), list_of(ref("cell"))})}}}}})}};
  return defs;
}

// An input and a step.
json item_defs(json defs) {
  defs["input"] = {
      {"anyOf",
       json::array({ref("matrix"),
                    {{"type", "object"},
                     {"required", json::array({"value"})},
                     {"additionalProperties", false},
                     {"properties",
                      {{"value", ref("matrix")},
                       {"columns", ref("labels")},
                       {"rows", ref("labels")},
                       {"explain", {{"type", "string"}, {"description", "Shown beside the input in answer keys"}}}}}}})}};
  defs["step"] = {
      {"type", "object"},
      {"required", json::array({"name"})},
      {"additionalProperties", false},
      {"properties",
       {{"name", ref("name")},
        {"do", ref("expression")},
        {"hand", ref("expression")},
        {"exact", ref("expression")},
        {"columns", ref("labels")},
        {"rows", ref("labels")},
        {"explain", {{"type", "string"}, {"description", "Shown beside the step in answer keys"}}},
        {"stated", ref("stated")},
        {"follows", ref("follows")},
        {"compare", ref("compare")},
        {"digits", ref("digits")}}},
      {"oneOf", json::array({{{"description", "one expression for both pipelines"},
                              {"required", json::array({"do"})},
                              {"not", {{"anyOf", json::array({{{"required", json::array({"hand"})}},
                                                              {{"required", json::array({"exact"})}}})}}}},
                             {{"description", "the pipelines differ"},
                              {"required", json::array({"hand", "exact"})},
                              {"not", {{"required", json::array({"do"})}}}}})}};
  return defs;
}

json build() {
  json s;
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["title"] = "handcheck case (format handcheck/1)";
  s["description"] = "A worksheet computed by hand: inputs, steps and the numbers it prints (docs/cases.md)";
  s["type"] = "object";
  s["required"] = json::array({"format", "steps"});
  s["additionalProperties"] = false;
  s["properties"] = {
      {"format", {{"const", "handcheck/1"}}},
      {"title", {{"type", "string"}}},
      {"source", {{"type", "string"}, {"description", "Where the worksheet comes from"}}},
      {"follows", ref("follows")},
      {"compare", ref("compare")},
      {"digits", ref("digits")},
      {"inputs", {{"type", "object"}, {"propertyNames", ref("name")}, {"additionalProperties", ref("input")}}},
      {"steps", {{"type", "array"}, {"minItems", 1}, {"items", ref("step")}}}};
  s["$defs"] = item_defs(value_defs());
  return s;
}

}  // namespace

const std::string& case_schema() {
  static const std::string text = build().dump(2) + "\n";
  return text;
}

}  // namespace handcheck
