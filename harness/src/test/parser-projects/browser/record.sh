#!/usr/bin/env bash
# The browser family of parser fixtures (scripts/make-parser-fixtures --only browser), run in its container:
# Karma with karma-mocha-reporter in headless Chromium, the way SWE-bench runs preactjs/preact
# (`karma start karma.conf.js --single-run --grep=<test file>`), and Ruby's Cucumber in the progress format with
# jekyll/jekyll's scenario lines around it (`cucumber --format progress --no-color <feature>:<line>...`; see
# cucumber/features/support/formatter.rb). Logs go to /out/<format>/<name>.log; exit codes to
# /out/exit-codes-browser.txt (tests fail on purpose), tool versions to /out/versions-browser.txt.
set -uo pipefail
. /src/record-lib.sh
record_init browser

# --- Karma ------------------------------------------------------------------------------------------
cd /work/p/karma
npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1 \
  || { echo "record.sh: npm install failed in karma" >&2; exit 1; }
export COVERAGE=false BABEL_NO_MODULES=true # as SWE-bench's preact command sets them (no meaning here)
rec karma/mocha-reporter.log npx karma start karma.conf.js --single-run
rec karma/grep-one-file.log npx karma start karma.conf.js --single-run --grep=test/calc.test.js
rec karma/mocha-reporter-color.log env FORCE_COLOR=1 npx karma start karma.conf.js --single-run

# --- Cucumber ---------------------------------------------------------------------------------------
# Debian's Cucumber 2.4 knows no --publish-quiet (Cucumber 5+ does; jekyll passes it to silence an ad)
cd /work/p/cucumber
rec cucumber/progress.log cucumber --format progress --no-color
rec cucumber/progress-lines.log cucumber --format progress --no-color features/calc.feature:8 features/calc.feature:12 features/calc.feature:36
rec cucumber/progress-color.log cucumber --format progress --color

{ node --version | sed 's/^/node /'; (cd /work/p/karma && npx karma --version | head -1);
  (cd /work/p/karma && npm ls --depth=0 2>/dev/null | grep -E 'karma|mocha|chai'); chromium --version;
  ruby --version; cucumber --version | sed 's/^/cucumber /'; } > "$out/versions-browser.txt" 2>&1
exit 0
