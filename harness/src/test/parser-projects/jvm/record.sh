#!/usr/bin/env bash
# Runs inside fixpoint/parser-fixtures-jvm (scripts/make-parser-fixtures --only jvm --mirrors /work/.mirror):
# the calc project's JUnit 4 tests (passing, failing, erroring, skipped, parameterized names with spaces, brackets
# and '>') through
#   gradle_log  Debian's Gradle 4.4.1 with the testLogging block SWE-bench writes into rxjava's build.gradle;
#   ant         Ant's junit task as SWE-bench's `ant test.instance` runs lombok, with lombok's own formatter
#               (lombok.ant.SimpleTestFormatter, compiled from the lombok repository under /mirrors).
# Logs go to /out/<format>/, exit codes to /out/exit-codes-jvm.txt, tool versions to /out/versions-jvm.txt.
set -uo pipefail
. /src/record-lib.sh
lombok=/mirrors/projectlombok+lombok/repo
[ -d "$lombok" ] || { echo "record.sh: $lombok missing: fetch github:projectlombok/lombok, pass --mirrors" >&2; exit 1; }
record_init jvm
export GRADLE_USER_HOME=/tmp/gradle-home

# --- Gradle -----------------------------------------------------------------------------------------
cd /work/p/calc
rec gradle_log/gradle-test.log gradle --offline --no-daemon test
rec gradle_log/gradle-test-tests-filter.log gradle --offline --no-daemon test --tests calc.CalculatorTest
rm -rf build .gradle

# --- Ant with lombok's formatter --------------------------------------------------------------------
lombok_commit=$(git --git-dir="$lombok" rev-parse HEAD)
mkdir -p build/ant/src/lombok/ant
git --git-dir="$lombok" show HEAD:src/ant/lombok/ant/SimpleTestFormatter.java > build/ant/src/lombok/ant/SimpleTestFormatter.java
javac --release 8 -nowarn -d build/ant -cp /usr/share/java/ant.jar:/usr/share/java/ant-junit.jar:/usr/share/java/junit4.jar \
  build/ant/src/lombok/ant/SimpleTestFormatter.java 2>/dev/null \
  || { echo "record.sh: lombok's SimpleTestFormatter does not compile" >&2; exit 1; }
ant test.compile >/dev/null 2>&1 || { echo "record.sh: ant test.compile failed" >&2; exit 1; }
rec ant/test-instance.log ant test.instance

{ java -version 2>&1 | head -1; gradle --version 2>/dev/null | grep -E '^Gradle'; ant -version;
  dpkg-query -W -f='junit4 ${Version}\n' junit4; echo "lombok.ant.SimpleTestFormatter from projectlombok/lombok $lombok_commit"; } \
  > "$out/versions-jvm.txt"
