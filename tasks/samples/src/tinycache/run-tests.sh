#!/bin/sh
# Compiles and runs the JUnit 5 tests without Maven (works offline).
# JUNIT_CONSOLE: path of junit-platform-console-standalone.jar
set -e
JUNIT_CONSOLE=${JUNIT_CONSOLE:-/usr/share/java/junit-platform-console-standalone.jar}
rm -rf build
mkdir -p build/classes build/test-classes
javac -encoding UTF-8 -d build/classes $(find src/main/java -name '*.java')
javac -encoding UTF-8 -d build/test-classes -cp build/classes:"$JUNIT_CONSOLE" $(find src/test/java -name '*.java')
set +e
java -jar "$JUNIT_CONSOLE" --class-path build/classes:build/test-classes --scan-class-path \
    --reports-dir=build/test-results --disable-banner
exit $?
