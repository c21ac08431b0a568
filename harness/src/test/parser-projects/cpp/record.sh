#!/usr/bin/env bash
# The C/C++ family (see scripts/make-parser-fixtures): runs GoogleTest through ctest, doctest's XML reporter and
# automake's `make check` on the tiny projects of /src/cpp the way SWE-bench's test commands run fmtlib/fmt,
# nlohmann/json and jqlang/jq, and, when /mirrors holds jqlang/jq, jq's own `make check`. Logs go to
# /out/<format>/<name>.log; exit codes to /out/exit-codes-cpp.txt, tool versions to /out/versions-cpp.txt.
set -uo pipefail
. /src/record-lib.sh
record_init cpp

# --- GoogleTest through ctest, as fmtlib/fmt: `ctest --test-dir build -V -R printf-test` ------------------
cd /work/p/googletest
cmake -B build -S . >/dev/null && cmake --build build --parallel 2 >/dev/null || die "the GoogleTest project does not build"
rec googletest/ctest-v.log ctest --test-dir build -V -R calc-test
rec googletest/ctest-v-all.log ctest --test-dir build -V
rec googletest/binary-color.log ./build/calc-test --gtest_color=yes

# --- doctest's XML reporter, as nlohmann/json: build, then `./build/tests/test-x -s -r=xml` ---------------
cd /work/p/doctest
rec doctest/build-and-run-s-xml.log sh_ "mkdir -p build; cd build; cmake ..; make test-calc; cd ..; ./build/tests/test-calc -s -r=xml"
rec doctest/run-xml.log ./build/tests/test-calc -r=xml

# --- automake's parallel test harness, as jqlang/jq: `make check` ---------------------------------------
cd /work/p/automake
{ autoreconf -fi && ./configure; } >/dev/null 2>&1 || die "the automake project does not configure"
rec jq/automake-make-check.log make check
rec jq/automake-make-check-color.log make check AM_COLOR_TESTS=always

# --- jq's own `make check`, from the mirror (Debian's oniguruma instead of the git submodule) -------------
jq_commit=none
if [ -d /mirrors/jqlang+jq/repo ]; then
  git clone -q /mirrors/jqlang+jq/repo /work/jq || die "cannot clone jq from /mirrors"
  cd /work/jq
  jq_commit=$(git rev-parse HEAD)
  { autoreconf -fi && ./configure --with-oniguruma=yes --disable-docs --disable-valgrind && make -j2; } \
    > /tmp/jq-build.log 2>&1 || { tail -40 /tmp/jq-build.log >&2; die "jq does not build"; }
  rec jq/jq-make-check.log make check
  # a test added as a test patch would add one, failing before the fix: jq.test's groups are program, input, output
  printf '\n# added for the fixture: fails on purpose\n[.[] | . * 2]\n[1,2]\n[2,5]\n' >> tests/jq.test
  rec jq/jq-make-check-failing.log make check
fi

# record the tool versions next to the logs
{ g++ --version | head -1; cmake --version | head -1; ctest --version | head -1;
  echo "googletest $(dpkg-query -W -f '${Version}' libgtest-dev)"; echo "doctest $(dpkg-query -W -f '${Version}' doctest-dev)";
  automake --version | head -1; autoconf --version | head -1; echo "oniguruma $(dpkg-query -W -f '${Version}' libonig-dev)";
  echo "jqlang/jq commit $jq_commit (/mirrors/jqlang+jq/repo HEAD)"; } > "$out/versions-cpp.txt" 2>&1
exit 0
