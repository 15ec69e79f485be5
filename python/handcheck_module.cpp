// The Python module `handcheck`: check, grade and key in process, for notebooks and
// autograders. Every function calls the library entry point the command line calls and
// returns what the command writes (JSON as Python objects). Bad input raises
// handcheck.CaseError with the file, line, column and message of the library's Error.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/render/grades.hpp"
#include "handcheck/render/json.hpp"
#include "handcheck/render/key.hpp"

namespace py = pybind11;
using namespace handcheck;

namespace {

PyObject* case_error_type = nullptr;

void set_case_error(const Error& e) {
  py::object type = py::reinterpret_borrow<py::object>(case_error_type);
  py::object exc = type(std::string(e.what()));
  exc.attr("file") = e.where().file;
  exc.attr("line") = e.where().line;
  exc.attr("column") = e.where().column;
  exc.attr("message") = e.message();
  exc.attr("id") = std::string(to_string(e.id()));
  PyErr_SetObject(case_error_type, exc.ptr());
}

[[noreturn]] void raise_case_error(const Error& e) {
  set_case_error(e);
  throw py::error_already_set();
}

// A case given as a path (str or os.PathLike) or as its YAML text (a str with a line break).
struct CaseSource {
  std::string path;  // or the name used in messages
  std::string text;
  bool is_text = false;
};

CaseSource case_source(const py::object& obj) {
  py::module_ os = py::module_::import("os");
  if (py::isinstance(obj, os.attr("PathLike"))) return {py::str(os.attr("fspath")(obj)), "", false};
  if (!py::isinstance<py::str>(obj)) throw py::type_error("case: a path or the YAML text of a case");
  std::string s = obj.cast<std::string>();
  if (s.find('\n') != std::string::npos) return {"<string>", std::move(s), true};
  return {std::move(s), "", false};
}

std::shared_ptr<Case> load(const CaseSource& src) {
  return std::make_shared<Case>(src.is_text ? load_case_text(src.text, src.path) : load_case_file(src.path));
}

// The audit of `check`; raises CaseError when the case cannot be read or evaluated. `digits`
// (> 0) overrides the case's, as --digits does.
CaseAudit audit(const CaseSource& src, int digits = 0) {
  AuditOptions options;
  options.digits = digits;
  CaseAudit a;
  {
    py::gil_scoped_release unlocked;
    if (!src.is_text) {
      a = audit_file(src.path, options);
    } else {
      try {
        auto c = load(src);
        if (digits > 0) c->set_digits(digits);
        a = audit_case(std::move(c), options);
      } catch (const Error& e) {
        a.file = src.path;
        a.status = CaseAudit::Status::error;
        a.error = e;
      }
    }
  }
  if (a.status == CaseAudit::Status::error) raise_case_error(*a.error);
  return a;
}

py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

py::dict check(const py::object& kase) {
  std::vector<CaseAudit> audits;
  audits.push_back(audit(case_source(kase)));
  return json_loads(render_json(audits)).cast<py::dict>();
}

std::string key(const py::object& kase, const std::string& format, std::optional<int> digits) {
  if (digits && (*digits < 1 || *digits > 100000)) throw py::value_error("digits: a whole number from 1 to 100000");
  CaseAudit a = audit(case_source(kase), digits.value_or(0));
  py::gil_scoped_release unlocked;
  return render_key(a, format, KeyOptions{digits.value_or(0)});
}

// Sheets: a path to JSON Lines or CSV, one sheet as a dict, or a list of dicts, each
// {"id": ..., "answers": {STEP: ...}}. A dict's numbers pass through their JSON text.
std::vector<Sheet> read_sheets(const py::object& sheets, const AnswerKey& key) {
  py::module_ os = py::module_::import("os");
  if (py::isinstance<py::str>(sheets) || py::isinstance(sheets, os.attr("PathLike")))
    return read_sheets_file(py::str(os.attr("fspath")(sheets)), key);
  py::list list;
  if (py::isinstance<py::dict>(sheets)) list.append(sheets);
  else list = py::list(sheets);
  py::object dumps = py::module_::import("json").attr("dumps");
  std::vector<Sheet> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!py::isinstance<py::dict>(list[i])) throw py::type_error("sheets: each sheet is a dict {\"id\": ..., \"answers\": {...}}");
    std::string text = dumps(list[i]).cast<std::string>();
    out.push_back(read_sheet_json(text, SourceLoc{"<sheets>", i + 1, 1}, key));
  }
  return out;
}

py::list grade(const py::object& kase, const py::object& sheets, const py::object& carried_credit) {
  CaseSource src = case_source(kase);
  GradeOptions options;
  std::string credit = py::str(carried_credit);
  options.carried_credit = parse_literal(credit).value;
  if (options.carried_credit < 0 || options.carried_credit > 1)
    throw py::value_error("carried_credit must lie between 0 and 1, not " + credit);
  std::unique_ptr<AnswerKey> answer_key;
  {
    py::gil_scoped_release unlocked;
    answer_key = std::make_unique<AnswerKey>(load(src));
  }
  std::vector<Sheet> read = read_sheets(sheets, *answer_key);
  check_sheet_ids(read);
  std::string text;
  {
    py::gil_scoped_release unlocked;
    Grader grader(*answer_key, options);
    std::vector<SheetGrade> grades = grader.grade(read);
    text = render_grades_json(GradeRun{*answer_key, read, grades, options.carried_credit});
  }
  return json_loads(text)["sheets"].cast<py::list>();
}

}  // namespace

PYBIND11_MODULE(handcheck, m) {
  m.doc() = "Verifies worksheets computed by hand, in exact rationals and certified precision.";
  m.attr("__version__") = HANDCHECK_VERSION;
  case_error_type = PyErr_NewExceptionWithDoc(
      "handcheck.CaseError",
      "A case or sheet that cannot be read or evaluated: str(e) is 'file:line:col: error[id]: message'; "
      "e.file, e.line, e.column (1-based, 0 when unknown), e.message and e.id (docs/errors.md).",
      PyExc_ValueError, nullptr);
  m.attr("CaseError") = py::handle(case_error_type);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const Error& e) {
      set_case_error(e);
    } catch (const DomainError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });

  m.def("check", &check, py::arg("case"),
        "Audits a case (a path, or its YAML text) and returns the JSON report of `handcheck check --format json`.");
  m.def("grade", &grade, py::arg("case"), py::arg("sheets"), py::arg("carried_credit") = 1,
        "Grades student sheets (a path to JSON Lines or CSV, a dict, or a list of dicts) with follow-through "
        "credit; returns one dict per sheet, as in `handcheck grade --format json`.");
  m.def("key", &key, py::arg("case"), py::arg("format") = "md", py::arg("digits") = py::none(),
        "The answer key of a case as text: md, tex, html or json; digits as `handcheck key --digits`.");
}
