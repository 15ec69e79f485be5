#include "case_settings.hpp"

#include <fmt/format.h>

namespace handcheck {

namespace case_yaml {

int read_digits(const NodeReader& in, const YAML::Node& n) {
  std::string s = in.scalar(n, "digits");
  int most = in.limits().max_digits;
  try {
    Literal l = parse_literal(s);
    if (!is_integer(l.value) || l.value < 1 || l.value > most) throw DomainError(ErrorId::load_bad_value, "");
    return static_cast<int>(boost::multiprecision::numerator(l.value).convert_to<long>());
  } catch (const DomainError&) {
    in.fail(ErrorId::load_bad_value, n,
            fmt::format("{}digits must be a whole number from 1 to {}, not '{}'", in.in_step(), most, s));
  }
}

Follows read_follows(const NodeReader& in, const YAML::Node& n) {
  std::string s = in.scalar(n, "follows");
  if (s == "hand") return Follows::hand;
  if (s == "exact") return Follows::exact;
  in.fail(ErrorId::load_bad_value, n, fmt::format("{}follows must be 'hand' or 'exact', not '{}'", in.in_step(), s));
}

CompareMode read_compare(const NodeReader& in, const YAML::Node& n) {
  std::string s = in.scalar(n, "compare");
  try {
    return parse_compare_mode(s);
  } catch (const DomainError& e) {
    in.fail(e.id(), n, in.in_step() + e.what());
  }
}

}  // namespace case_yaml

CompareMode parse_compare_mode(const std::string& text) {
  CompareMode m;
  m.text = text;
  if (text == "printed") return m;
  if (text == "exact") {
    m.kind = CompareMode::Kind::exact;
    return m;
  }
  auto colon = text.find(':');
  std::string head = text.substr(0, colon), arg = colon == std::string::npos ? "" : text.substr(colon + 1);
  if (head == "abs" || head == "rel") {
    m.kind = head == "abs" ? CompareMode::Kind::abs : CompareMode::Kind::rel;
    if (arg.empty())
      throw DomainError(ErrorId::load_compare_mode,
                        fmt::format("compare '{}' needs a tolerance, like {}:0.01", text, head));
    m.eps = parse_finite_literal(arg).value;
    if (m.eps < 0)
      throw DomainError(ErrorId::load_compare_mode,
                        fmt::format("compare '{}': the tolerance must not be negative", text));
    return m;
  }
  if (head == "sigfig") {
    m.kind = CompareMode::Kind::sigfig;
    Literal n = parse_literal(arg.empty() ? "x" : arg);
    if (!is_integer(n.value) || n.value < 1 || n.value > 1000)
      throw DomainError(ErrorId::load_compare_mode,
                        fmt::format("compare '{}': the number of figures must be a whole number from 1 to 1000", text));
    m.figures = static_cast<int>(boost::multiprecision::numerator(n.value).convert_to<long>());
    return m;
  }
  throw DomainError(ErrorId::load_compare_mode,
                    fmt::format("unknown compare mode '{}' (printed, exact, abs:EPS, rel:EPS or sigfig:N)", text));
}

}  // namespace handcheck
