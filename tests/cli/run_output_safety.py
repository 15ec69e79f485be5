#!/usr/bin/env python3
"""Output files are written whole or not at all, and reports are deterministic.

- `check CASE -o FILE` killed (SIGKILL, SIGTERM) at many moments of a long run leaves FILE as
  it was and no temporary file beside it;
- an output that cannot be written (a directory that is a file, a directory as the output,
  a full disk on stdout) fails with exit code 2 and leaves nothing behind;
- a case that cannot be evaluated: `check` writes its whole report (the error is in it),
  `key` writes nothing;
- the same run twice, or with one job and with several, gives byte-identical reports;
- `-o` onto a symbolic link replaces the file it points to (the link stays); onto a FIFO or a
  device writes through it (it stays what it is); onto an input of the same run (the same file
  by any name: itself, a hard link, a symbolic link, or the file standard input comes from when
  an input is -) is refused with exit 2, the input intact;
- past a file size limit (ulimit -f) the run fails with exit 2 and a message, never killed by
  SIGXFSZ, the output as it was; run as root, a file replaced keeps its owner;
- a FIFO that nobody writes to, given as a case or a sheets file, is read as empty (a case:
  exit 2; sheets: a class of none, with a warning), never waited on.
Usage: run_output_safety.py HANDCHECK SOURCE_DIR
"""
import json
import os
import pathlib
import resource
import select
import signal
import stat
import subprocess
import sys
import tempfile
import time

SENTINEL = b"previous contents\n"


def big_case(path, n=120):
    """A case whose every stated cell is wrong: a long run and a long report."""
    rows = ", ".join("[" + ", ".join(str((r * n + c) % 7) for c in range(n)) + "]" for r in range(n))
    stated = ", ".join("[" + ", ".join(str((r * n + c) % 7 * 2 + 1) for c in range(n)) + "]" for r in range(n))
    path.write_text(f"format: handcheck/1\ntitle: big\ninputs:\n  X: [{rows}]\nsteps:\n"
                    f"  - name: Y\n    do: X * 2\n    stated: [{stated}]\n"
                    f"  - name: Z\n    do: Y + 1\n    stated: [{stated}]\n")


def leftovers(directory, keep):
    return sorted(p.name for p in directory.iterdir() if p.name not in keep)


def main():
    binary, root = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
    problems = []

    def expect(cond, what):
        if not cond:
            problems.append(what)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        case = tmp / "big.yaml"
        big_case(case)
        out_dir = tmp / "out"
        out_dir.mkdir()
        out = out_dir / "report.json"
        keep = {"report.json"}

        # How long a whole run takes, then kills spread over it (the last ones while writing).
        start = time.monotonic()
        full = subprocess.run([binary, "check", "--format", "json", str(case), "-o", str(out)], capture_output=True)
        span = time.monotonic() - start
        expect(full.returncode == 1, f"big case: exit {full.returncode}, expected 1: {full.stderr.decode()}")
        expect(json.loads(out.read_bytes())["cases"][0]["status"] == "errata", "big case: report is not whole")
        # The same for an answer key (key -o), whose whole is a page that ends with </html>.
        key_out = out_dir / "key.html"
        keep.add("key.html")
        key_cmd = [binary, "key", "--format", "html", str(case), "-o", str(key_out)]
        start = time.monotonic()
        full_key = subprocess.run(key_cmd, capture_output=True)
        key_span = time.monotonic() - start
        expect(full_key.returncode == 0, f"key of the big case: exit {full_key.returncode}: {full_key.stderr.decode()}")
        expect(key_out.read_bytes().rstrip().endswith(b"</html>"), "key of the big case: page is not whole")

        runs = [([binary, "check", "--format", "json", str(case), "-o", str(out)], out, span,
                 lambda data: json.loads(data)["summary"]["cases"] == 1),
                (key_cmd, key_out, key_span, lambda data: data.rstrip().endswith(b"</html>"))]
        for cmd, target, length, is_whole in runs:
            for sig in (signal.SIGKILL, signal.SIGTERM):
                for fraction in (0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
                    target.write_bytes(SENTINEL)
                    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                    time.sleep(length * fraction)
                    proc.send_signal(sig)
                    proc.wait()
                    data = target.read_bytes()
                    # Killed before the rename: unchanged; after it: the whole output.
                    what = f"{cmd[1]}: {sig.name} at {fraction:.0%}"
                    expect(data == SENTINEL or is_whole(data), f"{what}: {target.name} is damaged")
                    expect(not leftovers(out_dir, keep), f"{what}: left {leftovers(out_dir, keep)}")
        key_out.unlink()
        keep.discard("key.html")

        # Outputs that cannot be written.
        out.write_bytes(SENTINEL)
        good = root / "tests" / "bad" / "good-crlf-erratum.yaml"
        blocker = out_dir / "not-a-dir"
        blocker.write_bytes(SENTINEL)
        keep.add("not-a-dir")
        for target in (blocker / "report.txt", out_dir, tmp / "missing" / "report.txt"):
            run = subprocess.run([binary, "check", str(good), "-o", str(target)], capture_output=True)
            expect(run.returncode == 2, f"-o {target}: exit {run.returncode}, expected 2")
            expect(b"cannot write" in run.stderr, f"-o {target}: no 'cannot write' message: {run.stderr.decode()}")
            expect(not leftovers(out_dir, keep), f"-o {target}: left {leftovers(out_dir, keep)}")
        expect(blocker.read_bytes() == SENTINEL and out.read_bytes() == SENTINEL, "an unwritable output changed a file")
        if os.path.exists("/dev/full"):
            with open("/dev/full", "wb") as full_disk:
                run = subprocess.run([binary, "check", str(good)], stdout=full_disk, stderr=subprocess.PIPE)
            expect(run.returncode == 2, f"stdout on a full disk: exit {run.returncode}, expected 2")

        # A case that cannot be evaluated.
        broken = root / "tests" / "bad" / "division-by-zero.yaml"
        run = subprocess.run([binary, "check", "--format", "json", str(broken), "-o", str(out)], capture_output=True)
        expect(run.returncode == 2, f"check of a broken case: exit {run.returncode}, expected 2")
        report = json.loads(out.read_bytes())
        expect(report["cases"][0]["status"] == "error", "check of a broken case: the report does not say error")
        out.write_bytes(SENTINEL)
        if subprocess.run([binary, "key", "--help"], capture_output=True).returncode == 0:
            run = subprocess.run([binary, "key", str(broken), "-o", str(out)], capture_output=True)
            expect(run.returncode == 2, f"key of a broken case: exit {run.returncode}, expected 2")
            expect(out.read_bytes() == SENTINEL, "key of a broken case changed the output file")
        expect(not leftovers(out_dir, keep), f"broken case: left {leftovers(out_dir, keep)}")

        # Special files and symbolic links as the output.
        good_text = subprocess.run([binary, "check", str(good)], capture_output=True).stdout
        real = out_dir / "real.txt"
        real.write_bytes(SENTINEL)
        link = out_dir / "link.txt"
        link.symlink_to("real.txt")
        keep.update({"real.txt", "link.txt"})
        run = subprocess.run([binary, "check", str(good), "-o", str(link)], capture_output=True)
        expect(run.returncode == 1, f"-o symlink: exit {run.returncode}, expected 1: {run.stderr.decode()}")
        expect(link.is_symlink() and os.readlink(link) == "real.txt", "-o symlink: the link was replaced")
        expect(real.read_bytes() == good_text, "-o symlink: the file it points to does not hold the report")
        dangling = out_dir / "dangling.txt"
        dangling.symlink_to("made.txt")
        keep.update({"dangling.txt", "made.txt"})
        run = subprocess.run([binary, "check", str(good), "-o", str(dangling)], capture_output=True)
        expect(run.returncode == 1 and dangling.is_symlink() and (out_dir / "made.txt").read_bytes() == good_text,
               f"-o dangling symlink: exit {run.returncode}, the file it names not made")
        expect(not leftovers(out_dir, keep), f"-o symlink: left {leftovers(out_dir, keep)}")

        fifo = out_dir / "fifo"
        os.mkfifo(fifo)
        keep.add("fifo")
        # The reader opens first, without waiting; a run that never writes through must not hang.
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        proc = subprocess.Popen([binary, "check", str(good), "-o", str(fifo)], stderr=subprocess.PIPE)
        through, deadline = b"", time.monotonic() + 60
        while time.monotonic() < deadline:
            done = proc.poll() is not None
            ready, _, _ = select.select([reader], [], [], 0.05)
            chunk = os.read(reader, 65536) if ready else b""
            through += chunk
            if done and not chunk:
                break
        os.close(reader)
        proc.wait(timeout=60)
        expect(proc.returncode == 1, f"-o FIFO: exit {proc.returncode}, expected 1: {proc.stderr.read().decode()}")
        expect(through == good_text, "-o FIFO: the report did not come through the FIFO")
        expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), "-o FIFO: the FIFO was replaced")
        # /dev/stdout when standard output is a pipe: a link the kernel follows to "pipe:[N]",
        # which names no file; the pipe is written through, as a shell redirection would.
        if os.path.exists("/dev/stdout"):
            run = subprocess.run([binary, "check", str(good), "-o", "/dev/stdout"], capture_output=True)
            expect(run.returncode == 1 and run.stdout == good_text,
                   f"-o /dev/stdout into a pipe: exit {run.returncode}, {run.stderr.decode()!r}")
            # Into a file the shell appends to: written where the shell opened it, never a new
            # file renamed over it (which lost what was in the file before).
            appended = out_dir / "appended.txt"
            appended.write_bytes(b"PREFIX\n")
            keep.add("appended.txt")
            with open(appended, "ab") as sink:
                run = subprocess.run([binary, "check", str(good), "-o", "/dev/stdout"], stdout=sink, stderr=subprocess.PIPE)
            expect(run.returncode == 1 and appended.read_bytes() == b"PREFIX\n" + good_text,
                   f"-o /dev/stdout appended to a file: exit {run.returncode}, {appended.read_bytes()[:80]!r}")
        # A character device: a null device of our own, where the system lets us make one
        # (never /dev/null itself, which a regression would replace).
        device = out_dir / "null"
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            keep.add("null")
        except OSError:
            device = None
        if device:
            run = subprocess.run([binary, "check", str(good), "-o", str(device)], capture_output=True)
            expect(run.returncode == 1, f"-o device: exit {run.returncode}, expected 1: {run.stderr.decode()}")
            expect(stat.S_ISCHR(os.lstat(device).st_mode), "-o device: the device was replaced")
        expect(not leftovers(out_dir, keep), f"-o special files: left {leftovers(out_dir, keep)}")

        # An output that is an input of the same run.
        own = out_dir / "own.yaml"
        own.write_bytes(good.read_bytes())
        hard = out_dir / "hard.yaml"
        os.link(own, hard)
        soft = out_dir / "soft.yaml"
        soft.symlink_to("own.yaml")
        keep.update({"own.yaml", "hard.yaml", "soft.yaml"})
        for cmd in (["key", str(own), "-o", str(own)], ["key", str(own), "-o", str(hard)],
                    ["key", str(own), "-o", str(soft)], ["check", str(good), str(own), "-o", str(hard)],
                    ["check", str(out_dir), "-o", str(own)], ["selftest", str(own), "-o", str(own)]):
            run = subprocess.run([binary, *cmd], capture_output=True)
            what = " ".join(cmd).replace(str(out_dir) + "/", "")
            expect(run.returncode == 2, f"{what}: exit {run.returncode}, expected 2")
            expect(b"would overwrite the input" in run.stderr, f"{what}: no message: {run.stderr.decode()}")
            expect(own.read_bytes() == good.read_bytes() and soft.is_symlink(), f"{what}: the input changed")
        expect(not leftovers(out_dir, keep), f"-o an input: left {leftovers(out_dir, keep)}")
        # The input on standard input, redirected from the very file given as the output.
        sheets = out_dir / "sheets.jsonl"
        sheets.write_bytes(b'{"id": "s1", "answers": {"Y": [[1]]}}\n')
        keep.add("sheets.jsonl")
        os.link(sheets, out_dir / "sheets-link.jsonl")
        keep.add("sheets-link.jsonl")
        for target in (sheets, out_dir / "sheets-link.jsonl"):
            with open(sheets, "rb") as stdin:
                run = subprocess.run([binary, "grade", str(good), "-", "-o", str(target)], stdin=stdin,
                                     capture_output=True)
            expect(run.returncode == 2, f"grade CASE - -o {target.name} < sheets.jsonl: exit {run.returncode}")
            expect(b"would overwrite the input" in run.stderr, f"grade - -o {target.name}: no message: {run.stderr!r}")
            expect(sheets.read_bytes().startswith(b'{"id": "s1"'), f"grade - -o {target.name}: the sheets changed")
        with open(sheets, "rb") as stdin:
            run = subprocess.run([binary, "grade", str(good), "-", "-o", str(out_dir / "grades.csv")], stdin=stdin,
                                 capture_output=True)
        keep.add("grades.csv")
        expect(run.returncode == 0, f"grade CASE - -o grades.csv < sheets.jsonl: exit {run.returncode}: {run.stderr!r}")
        expect(not leftovers(out_dir, keep), f"-o the input on stdin: left {leftovers(out_dir, keep)}")

        # A file size limit: the write fails (EFBIG), the run says so, the output stays.
        def small_files():
            resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        out.write_bytes(SENTINEL)
        run = subprocess.run([binary, "check", "--format", "json", str(case), "-o", str(out)], capture_output=True,
                             preexec_fn=small_files)
        expect(run.returncode == 2, f"-o past ulimit -f: exit {run.returncode}, expected 2")
        expect(b"cannot write" in run.stderr and b"File too large" in run.stderr,
               f"-o past ulimit -f: no message: {run.stderr[:300]!r}")
        expect(out.read_bytes() == SENTINEL, "-o past ulimit -f: the output changed")
        expect(not leftovers(out_dir, keep), f"-o past ulimit -f: left {leftovers(out_dir, keep)}")
        # Run as root, -o replaces a user's file with one that is still theirs.
        if os.geteuid() == 0:
            theirs = out_dir / "theirs.txt"
            theirs.write_bytes(SENTINEL)
            os.chown(theirs, 65534, 65534)
            theirs.chmod(0o640)
            keep.add("theirs.txt")
            run = subprocess.run([binary, "check", str(good), "-o", str(theirs)], capture_output=True)
            st = os.stat(theirs)
            expect(run.returncode == 1 and theirs.read_bytes() == good_text, f"-o a user's file: exit {run.returncode}")
            expect((st.st_uid, st.st_gid, st.st_mode & 0o777) == (65534, 65534, 0o640),
                   f"-o a user's file as root: owner {st.st_uid}:{st.st_gid}, mode {st.st_mode & 0o777:o}")

        # A FIFO nobody writes to, as an input: read as empty, not waited on forever.
        lonely = tmp / "lonely.yaml"
        os.mkfifo(lonely)
        # (check: an empty case, exit 2; grade: a class of none, exit 0, with a warning.)
        for cmd, code in ((["check", str(lonely)], 2), (["grade", str(good), str(lonely)], 0)):
            try:
                run = subprocess.run([binary, *cmd], capture_output=True, timeout=60)
                expect(run.returncode == code, f"{cmd[0]} of a FIFO nobody writes to: exit {run.returncode}, expected {code}")
                expect(code == 2 or b"lonely.yaml: no sheets in this file" in run.stderr,
                       f"grade of a FIFO nobody writes to: no warning: {run.stderr[:200]!r}")
            except subprocess.TimeoutExpired:
                problems.append(f"{cmd[0]} of a FIFO nobody writes to: still waiting after 60 s")

        # Determinism.
        for args in (["check", "cases"], ["check", "--format", "json", "cases"], ["check", "-j", "1", "cases"]):
            first = subprocess.run([binary, *args], cwd=root, capture_output=True)
            second = subprocess.run([binary, *args, "-j", "4"] if "-j" not in args else [binary, *args], cwd=root,
                                    capture_output=True)
            expect(first.stdout == second.stdout and first.returncode == second.returncode,
                   f"{' '.join(args)}: two runs differ")
        for name in ("a.json", "b.json"):
            subprocess.run([binary, "check", "--format", "json", str(case), "-o", str(tmp / name)], capture_output=True)
        expect((tmp / "a.json").read_bytes() == (tmp / "b.json").read_bytes(), "-o: two runs differ")

    for p in problems:
        print(p)
    print("output safety: " + ("ok" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
