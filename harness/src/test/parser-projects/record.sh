#!/usr/bin/env bash
# Runs inside the fixpoint/parser-fixtures container (see scripts/make-parser-fixtures): copies the tiny
# projects from /src, runs each framework the ways SWE-bench and its siblings run them, and writes every log
# to /out/<format>/<name>. Test commands fail on purpose (the projects hold failing tests): exit codes are
# recorded in /out/exit-codes.txt, not acted on.
set -uo pipefail
. /src/record-lib.sh
record_init multilingual

# --- Go ---------------------------------------------------------------------------------------------
cd /work/p/go
go vet ./calc/... ./strutil/... >/dev/null 2>&1 # warm the build cache so timings below are of the tests
rec go_test/test-v.log go test -v ./...
rec go_test/test-v-count1-p1.log go test -v -count=1 -p 1 ./calc/...
rec go_test_json/test-json.log go test -json ./...

# --- Rust -------------------------------------------------------------------------------------------
cd /work/p/rust
cargo build --tests --offline -q 2>/dev/null
rec cargo_test/cargo-test.log cargo test --offline --no-fail-fast
rec cargo_test/cargo-test-nocapture.log cargo test --offline --no-fail-fast -- --nocapture --include-ignored
rec cargo_test/cargo-test-nocapture-1thread.log cargo test --offline --no-fail-fast -- --nocapture --test-threads=1
rec cargo_test/cargo-test-color.log cargo test --offline --no-fail-fast --color always -- --color always

# --- Node: npm packages pinned in each package.json ----------------------------------------------------
for p in jest mocha vitest; do (cd /work/p/$p && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
  || { echo "record.sh: npm install failed in $p" >&2; exit 1; }; done
cd /work/p/jest
rec jest/verbose.log npx jest --verbose --ci
rec jest/verbose-color.log env FORCE_COLOR=1 npx jest --verbose --ci --colors
rec jest/default.log npx jest --ci
rec_out jest_json/json.log npx jest --ci --json
rec jest_json/json-combined.log npx jest --ci --json
JQ_JEST='.testResults[].assertionResults[] | "[" + (.status | ascii_upcase) + "] " + ((.ancestorTitles | join(" > ")) + (if .ancestorTitles | length > 0 then " > " else "" end) + .title)'
rec jest_json/json-jq.log sh_ "npx jest --ci --json 2>/dev/null | jq -r '$JQ_JEST'"
cd /work/p/mocha
rec mocha/spec.log npx mocha
rec mocha/spec-color.log npx mocha --color
rec_out mocha_json/json.log npx mocha --reporter json
rec tap/mocha-tap.log npx mocha --reporter tap
cd /work/p/vitest
rec vitest/verbose.log npx vitest run --reporter=verbose
rec vitest/verbose-color.log env FORCE_COLOR=1 npx vitest run --reporter=verbose
rec vitest/default.log npx vitest run
rec_out vitest_json/json.log npx vitest run --reporter=json
# the same tests under Vitest 3, whose reporters print differently
cp -r /work/p/vitest /work/p/vitest3 && cd /work/p/vitest3 && rm -rf node_modules package-lock.json \
  && npm install --no-audit --no-fund --loglevel=error --save-exact vitest@3.2.4 >/dev/null 2>&1 \
  || { echo "record.sh: npm install of vitest 3 failed" >&2; exit 1; }
rec vitest/verbose-v3.log npx vitest run --reporter=verbose
rec vitest/default-v3.log npx vitest run
rec_out vitest_json/json-v3.log npx vitest run --reporter=json

# --- PHP --------------------------------------------------------------------------------------------
cd /work/p/php
rec phpunit/testdox.log phpunit --testdox --colors=never
rec phpunit/testdox-color.log phpunit --testdox --colors=always
rec phpunit_junit/default.log phpunit --colors=never --log-junit /tmp/junit.xml
cp /tmp/junit.xml "$out/phpunit_junit/junit.xml"

# --- Ruby -------------------------------------------------------------------------------------------
cd /work/p/ruby
rec_out rspec_json/json.log rspec spec --no-color --format json
rec rspec_json/json-fpm-jq.log sh_ "rspec spec --no-color --format json | sed -n '/^{/,\$p' | jq -r '.examples[] | \"\\(.description) - \\(.status)\"'"
rec rspec_json/json-fastlane-jq.log sh_ "rspec spec --no-color --format json | sed -n '/^{/,\$p' | jq -r '.examples[] | \"\\(.description) - \\(.id) - \\(.status)\"'"
rec minitest/verbose.log ruby -Ilib test/calc_minitest.rb -v
rec ruby_unit/verbose.log ruby -Ilib test/calc_testunit.rb -v
rec ruby_unit/verbose-color.log ruby -Ilib test/calc_testunit.rb -v --use-color=yes
# record the tool versions next to the logs
{ go version; cargo --version; rustc --version; node --version; (cd /work/p/jest && npx jest --version | sed 's/^/jest /');
  (cd /work/p/mocha && npx mocha --version | sed 's/^/mocha /'); (cd /work/p/vitest && npx vitest --version); (cd /work/p/vitest3 && npx vitest --version);
  phpunit --version | head -1; ruby --version; rspec --version | tr '\n' ' '; echo;
  ruby -e 'require "minitest"; puts "minitest #{Minitest::VERSION}"'; ruby -e 'require "test/unit/version"; puts "test-unit #{Test::Unit::VERSION}"'; } \
  > "$out/versions.txt" 2>&1
exit 0
