#!/usr/bin/env python3
"""The C++ package: `cmake --install` into a temporary prefix, then a program configured in a
fresh build directory with find_package(handcheck CONFIG REQUIRED), and the same program
built with pkg-config, each check the seed case and print its erratum.

Usage: package_test.py CMAKE BUILD_DIR SOURCE_DIR GENERATOR CXX [-DHANDCHECK_PYTHON=OFF]"""
import os
import shlex
import subprocess
import sys
import tempfile

cmake, build, source, generator, cxx = sys.argv[1:6]  # then -DHANDCHECK_PYTHON=OFF without a module
seed = os.path.join(source, "cases", "self-attention-6-3.yaml")
expected = ["116 cells stated, 115 ok", "Q: q2 should be [1, 1, 2], not [1, 1, 1]"]
failures = []


def must(cmd, what, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit(f"FAIL {what}: exit {r.returncode}\n{' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r


def check_output(r, what):
    lines = r.stdout.splitlines()
    if r.returncode != 1 or lines != expected:
        failures.append(f"{what}: exit {r.returncode} (want 1), output {lines!r}, want {expected!r}\n{r.stderr}")
    else:
        print(f"ok   {what}: {lines[1]}")


with tempfile.TemporaryDirectory(prefix="handcheck-package-") as tmp:
    prefix = os.path.join(tmp, "prefix")
    must([cmake, "--install", build, "--prefix", prefix], "cmake --install")
    installed = {os.path.relpath(os.path.join(d, f), prefix) for d, _, fs in os.walk(prefix) for f in fs}
    libdirs = {os.path.dirname(p) for p in installed if p.endswith("libhandcheck_core.a")}
    if len(libdirs) != 1:
        sys.exit(f"FAIL: libhandcheck_core.a installed {len(libdirs)} times: {sorted(installed)}")
    libdir = libdirs.pop()
    # The Python module, where Debian's python3 finds it under a prefix, and importable from there.
    modules = [p for p in installed if p.startswith("lib/python3.") and "/dist-packages/handcheck." in p]
    if len(modules) == 1:
        r = subprocess.run(["/usr/bin/python3", "-c", "import handcheck, sys; print(handcheck.__file__)"],
                           capture_output=True, text=True,
                           env=dict(os.environ, PYTHONPATH=os.path.join(prefix, os.path.dirname(modules[0]))))
        if r.returncode != 0 or not r.stdout.startswith(prefix):
            failures.append(f"the installed module does not import: {r.stdout}{r.stderr}")
        else:
            print(f"ok   installed Python module {modules[0]} imports")
    elif "-DHANDCHECK_PYTHON=OFF" not in sys.argv[6:]:
        failures.append(f"Python module installed {len(modules)} times")
    for want in ["include/handcheck/audit/audit.hpp", "include/handcheck/render/text.hpp", "bin/handcheck",
                 f"{libdir}/cmake/handcheck/handcheckConfig.cmake",
                 f"{libdir}/cmake/handcheck/handcheckConfigVersion.cmake",
                 f"{libdir}/cmake/handcheck/handcheckTargets.cmake", f"{libdir}/pkgconfig/handcheck.pc"]:
        if want not in installed:
            failures.append(f"not installed: {want}")

    # find_package in a fresh build directory that knows nothing of this source tree.
    consumer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "consumer")
    cbuild = os.path.join(tmp, "build")
    must([cmake, "-S", consumer, "-B", cbuild, "-G", generator, f"-DCMAKE_CXX_COMPILER={cxx}",
          f"-DCMAKE_PREFIX_PATH={prefix}"], "configure with find_package")
    must([cmake, "--build", cbuild], "build with find_package")
    check_output(subprocess.run([os.path.join(cbuild, "consumer"), seed], capture_output=True, text=True),
                 "find_package(handcheck) program")

    # A version the package does not provide is refused.
    script = os.path.join(tmp, "version.cmake")
    with open(script, "w") as f:
        f.write("find_package(handcheck 7.0 CONFIG QUIET)\n"
                "if(handcheck_FOUND OR NOT handcheck_CONSIDERED_VERSIONS STREQUAL \"0.1.0\")\n"
                "  message(FATAL_ERROR \"found ${handcheck_FOUND}, considered ${handcheck_CONSIDERED_VERSIONS}\")\n"
                "endif()\n")
    r = subprocess.run([cmake, f"-DCMAKE_PREFIX_PATH={prefix}", "-P", script], capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"find_package(handcheck 7.0) should see 0.1.0 and refuse it: {r.stderr}")
    else:
        print("ok   find_package(handcheck 7.0) refuses version 0.1.0")

    # pkg-config, relocated: the .pc file finds its prefix from where it lies.
    env = dict(os.environ, PKG_CONFIG_PATH=os.path.join(prefix, libdir, "pkgconfig"))
    flags = must(["pkg-config", "--cflags", "--libs", "handcheck"], "pkg-config", env=env).stdout
    includes = [os.path.realpath(f[2:]) for f in shlex.split(flags) if f.startswith("-I")]
    if os.path.realpath(os.path.join(prefix, "include")) not in includes:
        failures.append(f"pkg-config --cflags does not name {prefix}/include: {flags}")
    exe = os.path.join(tmp, "consumer_pc")
    must([cxx, "-std=c++20", os.path.join(consumer, "main.cpp"), "-o", exe] + shlex.split(flags), "build with pkg-config")
    check_output(subprocess.run([exe, seed], capture_output=True, text=True), "pkg-config program")

for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
