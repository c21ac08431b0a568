#!/usr/bin/env bash
# Runs inside the fixpoint/parser-fixtures-runners container (scripts/make-parser-fixtures --only runners
# --mirrors /work/.mirror): builds two real projects from the bare repositories mounted at /mirrors and runs their
# own test runners the way SWE-bench's test commands do, writing each log to /out/<format>/<name>:
#   redis_tcl     redis/redis's and valkey-io/valkey's Tcl suite: TERM=dumb ./runtest --durable --single unit/...
#   micropython   micropython/micropython's tests/run-tests.py against the unix port (standard variant)
# Every failing test in these logs fails on purpose: before running, this script changes a few expected values in
# the projects' test files (listed below at each `expect_edit`); nothing else of the projects is changed.
# Exit codes go to /out/exit-codes-runners.txt, tool versions and commits to /out/versions-runners.txt.
set -uo pipefail
REDIS_COMMIT=4f8cdc2a1ea53e42955af758aabffee67cb455dd       # unstable, 2024-10-18
VALKEY_COMMIT=55bbbe09a3b37a98c907dbfbc225768ff253e84f      # unstable, 2024-10-25
MICROPYTHON_COMMIT=1c3c201149f37fe8d81246191b3127bb198d6306 # master, 2026-08-19
. /src/record-lib.sh
record_init runners
# checkout OWNER+NAME COMMIT DIR: a work tree of the mirrored bare repository at COMMIT
checkout() {
  [ -d "/mirrors/$1/repo" ] || die "no /mirrors/$1/repo: fetch github:${1/+//} with the search tool and pass --mirrors /work/.mirror"
  git clone -q --no-checkout "/mirrors/$1/repo" "$3" && git -C "$3" checkout -q "$2" || die "cannot check out $2 of $1"
}
# expect_edit FILE SED_SCRIPT TEXT: edits a test file and makes sure the edit took (TEXT is then in FILE)
expect_edit() { sed -i -e "$2" "$1" && grep -qF -- "$3" "$1" || die "edit '$2' did not apply to $1"; }
# build LOG CMD...: builds quietly, showing the end of the build log if it fails
build() { local log=$1; shift; "$@" >"$log" 2>&1 || { tail -30 "$log" >&2; die "build failed: $*"; }; }

# --- Redis: the Tcl test suite ------------------------------------------------------------------------
checkout redis+redis "$REDIS_COMMIT" /work/redis
cd /work/redis
build /work/redis-build.log make -j"$(nproc)"
incr=tests/unit/type/incr.tcl
expect_edit $incr '/INCR fails against key with spaces (left)/,/} {ERR\*}/ s/{ERR\*}/{OK*}/' '{OK*}'   # assertion
expect_edit $incr 's/^    } {-1}$/    } {-2}/' '} {-2}'                                                 # assertion
expect_edit $incr 's/roundFloat \[r incrbyfloat foo -1.1\]$/& 3/' 'foo -1.1] 3'                       # Tcl error
expect_edit tests/unit/type/list.tcl \
  's/\[r rpop non_existing_key 1\] {\*-1} {_}/[r rpop non_existing_key 1] {*-1} {*0}/' '{*-1} {*0}'  # RESP3 only
rec redis_tcl/incr.log env TERM=dumb ./runtest --durable --single unit/type/incr
rec redis_tcl/incr-color.log env TERM=xterm ./runtest --durable --single unit/type/incr
# as SWE-bench's command, `make` before the suite (here it has nothing left to build)
rec redis_tcl/list-only.log bash -c 'make; TERM=dumb ./runtest --durable --single unit/type/list --only "/.*(LPOP|RPOP)"'

# --- Valkey: the same suite, forked ---------------------------------------------------------------------
checkout valkey-io+valkey "$VALKEY_COMMIT" /work/valkey
cd /work/valkey
build /work/valkey-build.log make -j"$(nproc)"
expect_edit tests/unit/introspection-2.tcl 's/assert_equal {key1 key2} \[r command getkeys lcs/assert_equal {key2 key1} [r command getkeys lcs/' \
  '{key2 key1}'
# as SWE-bench's command for valkey-1499
rec redis_tcl/valkey-introspection-2.log env TERM=dumb ./runtest --durable --single unit/introspection-2

# --- MicroPython: tests/run-tests.py -------------------------------------------------------------------
checkout micropython+micropython "$MICROPYTHON_COMMIT" /work/micropython
cd /work/micropython
# no network for git submodules: btree (berkeley-db) and ssl (mbedtls) off, libffi from Debian, and no frozen
# manifest (it pulls micropython-lib); the tests below need none of them
mp_make=(make -C ports/unix VARIANT=standard MICROPY_PY_BTREE=0 MICROPY_PY_SSL=0 FROZEN_MANIFEST=)
build /work/micropython-build.log "${mp_make[@]}" -j"$(nproc)"
expect_edit tests/basics/fun_callstar_kwarg.py.exp '1s/^SyntaxError$/TypeError/' 'TypeError'
expect_edit tests/basics/try_finally_return2.py.exp 's/^finally 2$/finally 3/' 'finally 3'
export MICROPY_CPYTHON3=python3 MICROPY_MICROPYTHON=../ports/unix/build-standard/micropython
rec micropython/fun.log bash -c 'cd tests && ./run-tests.py -i basics/fun'
# as SWE-bench's command, the build before the tests (here it has nothing left to build)
rec micropython/try.log bash -c "${mp_make[*]}; cd tests && ./run-tests.py -i try"

{ echo "redis/redis $REDIS_COMMIT (tests/unit/type/incr.tcl and list.tcl edited: see runners/record.sh)";
  /work/redis/src/redis-server --version;
  echo "valkey-io/valkey $VALKEY_COMMIT (tests/unit/introspection-2.tcl edited: see runners/record.sh)";
  /work/valkey/src/valkey-server --version; echo "tcl $(echo 'puts [info patchlevel]' | tclsh)";
  echo "micropython/micropython $MICROPYTHON_COMMIT (two tests/basics/*.exp edited: see runners/record.sh)";
  /work/micropython/ports/unix/build-standard/micropython -c 'import sys; print("micropython", sys.version)';
  python3 --version; gcc --version | head -1; } > "$out/versions-runners.txt" 2>&1
exit 0
