#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answer_placer.hpp"
#include "handcheck/grade/sheet.hpp"
#include "handcheck/input_file.hpp"
#include "handcheck/parallel.hpp"
#include "line_memo.hpp"
#include "sheet_json.hpp"

namespace handcheck {

namespace {

// A file (or standard input) that can be read in blocks; a directory or a missing file is an
// Error naming it.
class Source {
 public:
  explicit Source(const std::string& path) : path_(path) {
    if (path == "-") {
      fd_ = 0;
      return;
    }
    fd_ = open_input(path);
    if (fd_ < 0)
      throw Error(ErrorId::io_open, {path, 0, 0}, fmt::format("cannot read the sheets file: {}", std::strerror(errno)));
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd_);
      fd_ = -1;
      throw Error(ErrorId::io_directory, {path, 0, 0}, "is a directory, not a sheets file (JSON Lines, or a .csv)");
    }
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  ~Source() {
    if (fd_ > 0) ::close(fd_);
  }

  // Appends `n` bytes to `buf`, fewer at the end of the file; false when there were none. The
  // room made for them is filled before it is given up: a pipe gives 64 kB a read, and making
  // room for a long line's worth each time made reading a long line quadratic.
  bool read_more(std::string& buf, std::size_t n) {
    std::size_t old = buf.size(), filled = 0;
    buf.resize(old + n);
    while (filled < n) {
      ssize_t got = ::read(fd_, buf.data() + old + filled, n - filled);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        int err = errno;
        buf.resize(old);
        throw Error(ErrorId::io_read, {path_ == "-" ? "standard input" : path_, 0, 0},
                    fmt::format("cannot read the sheets file: {}", std::strerror(err)));
      }
      if (got == 0) break;
      filled += static_cast<std::size_t>(got);
    }
    buf.resize(old + filled);
    return filled > 0;
  }

  // The whole file, up to `most` bytes (a CSV's sheets are gathered before any is graded).
  std::string read_all(std::size_t most) {
    std::string text;
    while (read_more(text, 1u << 20))
      if (text.size() > most)
        throw Error(ErrorId::limit_sheets, {path_, 0, 0},
                    fmt::format("a CSV sheets file larger than {} MiB is read whole, and holds some 20 times its "
                                "size in memory; write the class as JSON Lines, which are graded as they stream",
                                most >> 20));
    return text;
  }

 private:
  std::string path_;
  int fd_ = -1;
};

// A CSV sheets file is read whole: at most this many bytes.
constexpr std::size_t kMostCsvBytes = std::size_t{256} << 20;

// The longest sheet line a key takes: a megabyte of id and layout, and each cell's answer at
// the longest a number may be (1 000 characters) with its label.
std::size_t longest_line(const AnswerKey& key) { return (std::size_t{1} << 20) + key.cells().size() * 1100; }

bool is_csv(const std::string& path) { return path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0; }

}  // namespace

struct SheetStream::Impl {
  const AnswerKey& key;
  std::string name;
  unsigned threads;
  Source source;
  bool csv;
  // JSON Lines: the unread bytes, from `pos`.
  std::string buf;
  std::size_t pos = 0, line = 0;
  bool eof = false;
  struct Line {
    std::size_t offset, length, number;
  };
  std::vector<Line> lines;
  // Lines seen before (nullptr: not remembered), and what each line of the batch found there.
  std::unique_ptr<sheets::LineMemo> memo;
  std::vector<sheets::LineMemo::Probe> probes;
  std::vector<std::optional<std::size_t>> id_at;
  // CSV: the whole file's sheets.
  std::vector<Sheet> sheets;
  std::size_t next = 0;

  Impl(const std::string& path, const AnswerKey& k, unsigned t, bool remember)
      : key(k), name(path == "-" ? "-" : path), threads(t), source(path), csv(is_csv(path)) {
    if (csv) sheets = read_sheets_csv(source.read_all(kMostCsvBytes), name, key);
    else if (remember) memo = std::make_unique<sheets::LineMemo>();
  }

  std::string_view text(const Line& l) const { return std::string_view(buf).substr(l.offset, l.length); }

  // Line i into batch[i]: from the memo when it holds the line, else parsed.
  void read_line(std::size_t i, std::vector<Sheet>& batch, std::vector<const SheetGrade*>* known) {
    const Line& l = lines[i];
    SourceLoc where{name, l.number, 1};
    if (memo) {
      probes[i] = memo->probe(text(l));
      if (const sheets::LineMemo::Entry* e = probes[i].found) {
        sheets::LineMemo::fill(batch[i], *e, text(l), *probes[i].span, where);
        (*known)[i] = &e->grade;
        return;
      }
    }
    sheets::fill_sheet_json(batch[i], text(l), where, key, memo ? &id_at[i] : nullptr);
  }

  // Up to `max` non-blank lines; blocks of the file are read as needed.
  void take_lines(std::size_t max) {
    lines.clear();
    buf.erase(0, pos);
    std::size_t scan = 0;
    while (lines.size() < max) {
      const void* nl = scan < buf.size() ? std::memchr(buf.data() + scan, '\n', buf.size() - scan) : nullptr;
      if (nl) {
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(nl) - buf.data());
        record(scan, end);
        scan = end + 1;
        continue;
      }
      if (eof) {
        if (scan < buf.size()) record(scan, buf.size());
        scan = buf.size();
        break;
      }
      if (buf.size() - scan > longest_line(key))
        throw Error(ErrorId::limit_sheets, {name, line + 1, 1},
                    fmt::format("a sheet line longer than {} bytes, more than any sheet of this key's {} cells "
                                "takes (is it JSON Lines, one sheet a line?)",
                                longest_line(key), key.cells().size()));
      eof = !source.read_more(buf, std::max<std::size_t>(1u << 20, buf.size() - scan));
    }
    pos = scan;
  }

  // The line of buf[from, to), unless blank.
  void record(std::size_t from, std::size_t to) {
    ++line;
    std::string_view text(buf.data() + from, to - from);
    if (line == 1) text = sheets::without_bom(text);
    text = sheets::trim(text);
    if (!text.empty()) lines.push_back({static_cast<std::size_t>(text.data() - buf.data()), text.size(), line});
  }
};

SheetStream::SheetStream(const std::string& path, const AnswerKey& key, unsigned threads, bool remember_lines)
    : impl_(std::make_unique<Impl>(path, key, threads, remember_lines)) {}
SheetStream::~SheetStream() = default;

bool SheetStream::next(std::vector<Sheet>& batch, std::size_t max) {
  std::vector<const SheetGrade*> known;
  return next(batch, known, max);
}

bool SheetStream::next(std::vector<Sheet>& batch, std::vector<const SheetGrade*>& known, std::size_t max) {
  Impl& m = *impl_;
  max = std::max<std::size_t>(max, 1);
  if (m.csv) {
    std::size_t n = std::min(max, m.sheets.size() - m.next);
    batch.resize(n);
    known.assign(n, nullptr);
    for (std::size_t i = 0; i < n; ++i) batch[i] = std::move(m.sheets[m.next++]);
    return n > 0;
  }
  m.take_lines(max);
  batch.resize(m.lines.size());
  known.assign(m.lines.size(), nullptr);
  m.probes.assign(m.memo ? m.lines.size() : 0, {});
  m.id_at.assign(m.memo ? m.lines.size() : 0, std::nullopt);
  parallel_for(
      m.lines.size(), [&](std::size_t i) { m.read_line(i, batch, &known); }, m.threads);
  return !batch.empty();
}

void SheetStream::remember(const std::vector<Sheet>& batch, const std::vector<SheetGrade>& grades) {
  Impl& m = *impl_;
  if (!m.memo || m.csv) return;
  for (std::size_t i = 0; i < m.lines.size() && i < batch.size() && i < grades.size(); ++i)
    m.memo->add(m.text(m.lines[i]), m.probes[i], m.id_at[i], batch[i], grades[i]);
}

std::vector<Sheet> read_sheets_file(const std::string& path, const AnswerKey& key) {
  SheetStream in(path, key);
  std::vector<Sheet> sheets, batch;
  SheetIds ids;
  while (in.next(batch)) {
    for (auto& s : batch) {
      ids.add(s);
      sheets.push_back(std::move(s));
    }
  }
  return sheets;
}

}  // namespace handcheck
