package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.DockerDaemon;
import dev.fixpoint.solver.testing.MavenProjects;
import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environments end to end against the real Docker daemon: rows with no environment resolved by the built-in
 * defaults, repos reached through a local bare mirror, a Maven project whose dependencies are fetched from Maven
 * Central when its image is built and whose tests then run with network off.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
class EnvCommandDockerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Build log lines meaning the container could not reach Maven Central at all (not a TLS or recipe problem). */
    static final Pattern NO_NETWORK = Pattern.compile("UnknownHostException|Network is unreachable|Connection timed out"
            + "|Temporary failure in name resolution|No route to host|Connection refused");

    @TempDir
    Path tmp;

    @Test
    void huggingFaceRowWithJsonEncodedTestListsGradesFromALocalBareMirror() throws Exception {
        String base;
        try (GitFixture src = GitFixture.init(tmp.resolve("src/calc"))) {
            base = src.write("pytest.ini", "[pytest]\ntestpaths = tests\n")
                    .write("calc/__init__.py", "def absolute(x):\n    return x\n\n\ndef add(a, b):\n    return a + b\n")
                    .write("tests/test_calc.py", "from calc import add\n\n\ndef test_add():\n    assert add(2, 3) == 5\n")
                    .commit("initial");
            src.bareClone(tmp.resolve("mirrors/calc.git"));
        }
        Path mirrors = Files.writeString(tmp.resolve("mirrors/map.json"), "{\"pyacme/calc\": \"calc.git\"}");
        ObjectNode row = JSON.createObjectNode().put("instance_id", "pyacme__calc-1").put("repo", "pyacme/calc")
                .put("base_commit", base).put("version", "0.1").put("problem_statement", "absolute(-3) is -3")
                .put("patch", PY_PATCH).put("test_patch", PY_TEST_PATCH)
                .put("FAIL_TO_PASS", "[\"tests/test_calc.py::test_absolute\"]")
                .put("PASS_TO_PASS", "[\"tests/test_calc.py::test_add\"]");
        ObjectNode page = JSON.createObjectNode();
        ArrayNode rows = page.putArray("rows");
        rows.addObject().put("row_idx", 0).set("row", row);
        Files.createDirectories(tmp.resolve("data"));
        Path tasks = Files.writeString(tmp.resolve("data/rows.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(page));
        Files.writeString(tmp.resolve("data/wrong.jsonl"), "{\"instance_id\": \"pyacme__calc-1\", \"model_name_or_path\":"
                + " \"m\", \"model_patch\": " + JSON.writeValueAsString(PY_PATCH.replace("-x if x < 0", "x if x < 0"))
                + "}\n");

        EnvCommandTest.Run list = EnvCommandTest.run("env", "list", "--tasks", tasks.toString(), "--mirrors",
                mirrors.toString(), "--cache", tmp.resolve("cache").toString());
        assertEquals(0, list.exit(), list.err() + list.out());
        assertTrue(list.out().contains("pyacme__calc-1  detected  fixpoint/python:latest  yes          built-in pytest"
                + " default"), list.out());

        Path out = tmp.resolve("gold");
        EnvCommandTest.Run gold = EnvCommandTest.run("eval", "--tasks", tasks.toString(), "--mirrors",
                mirrors.toString(), "--cache", tmp.resolve("cache").toString(), "--gold", "--out", out.toString(),
                "--no-progress", "--run-id", "env-docker-test");
        assertEquals(0, gold.exit(), gold.err() + gold.out());
        JsonNode report = JSON.readTree(out.resolve("pyacme__calc-1/report.json").toFile()).get("pyacme__calc-1");
        assertTrue(report.get("resolved").asBoolean(), report.toString());
        assertEquals(List.of("tests/test_calc.py::test_absolute"),
                List.of(report.at("/tests_status/FAIL_TO_PASS/success/0").asText()));

        Path wrongOut = tmp.resolve("wrong");
        EnvCommandTest.Run wrong = EnvCommandTest.run("eval", "--tasks", tasks.toString(), "--mirrors",
                mirrors.toString(), "--cache", tmp.resolve("cache").toString(), "--predictions",
                tmp.resolve("data/wrong.jsonl").toString(), "--out", wrongOut.toString(), "--no-progress");
        assertEquals(0, wrong.exit(), wrong.err() + wrong.out());
        assertEquals(false, JSON.readTree(wrongOut.resolve("pyacme__calc-1/report.json").toFile())
                .at("/pyacme__calc-1/resolved").asBoolean());
    }

    @Test
    void mavenDependenciesAreFetchedAtImageBuildThenTestsRunOffline() throws Exception {
        String base;
        try (GitFixture src = GitFixture.init(tmp.resolve("src/jcalc"))) {
            base = src.write("pom.xml", POM)
                    .write("src/main/java/calc/Calc.java", CALC)
                    .write("src/test/java/calc/CalcTest.java", CALC_TEST)
                    .commit("initial");
            src.bareClone(tmp.resolve("jcalc.git"));
        }
        Files.writeString(tmp.resolve("mirrors.json"), "{\"jacme/jcalc\": \"jcalc.git\"}");
        ObjectNode row = JSON.createObjectNode().put("instance_id", "jacme__jcalc-1").put("repo", "jacme/jcalc")
                .put("base_commit", base).put("version", "1.0").put("problem_statement", "abs(-4) is -4")
                .put("patch", JAVA_PATCH).put("test_patch", JAVA_TEST_PATCH).put("environment_setup_commit", base);
        row.putArray("FAIL_TO_PASS").add("calc.CalcTest#absOfNegative");
        row.putArray("PASS_TO_PASS").add("calc.CalcTest#adds");
        Path tasks = Files.writeString(tmp.resolve("tasks.jsonl"), JSON.writeValueAsString(row) + "\n");
        String cache = tmp.resolve("cache").toString();

        EnvCommandTest.Run listed = EnvCommandTest.run("env", "list", "--tasks", tasks.toString(), "--cache", cache);
        String image = listedImage(listed, "fixpoint/env:jacme_jcalc-1\\.0-[0-9a-f]{12}");
        try {
            Path logs = tmp.resolve("logs");
            EnvCommandTest.Run build = build(tasks, cache, logs);
            assertTrue(build.out().contains(image + "  built"), build.out());
            String log = readAll(logs);
            assertTrue(log.contains("Downloaded from central"), "dependencies fetched at build time:\n" + log);
            assertTrue(log.contains("trusted "), "host CA bundle trusted:\n" + log);

            EnvCommandTest.Run again = EnvCommandTest.run("env", "build", "--tasks", tasks.toString(), "--cache",
                    cache, "--logs", logs.toString());
            assertTrue(again.out().contains(image + "  existed"), again.out());

            Path out = tmp.resolve("check");
            JsonNode report = check(tasks, cache, out, "jacme__jcalc-1");
            assertTrue(report.get("resolved").asBoolean(), report.toString());
            String testOutput = Files.readString(out.resolve("jacme__jcalc-1/test_output.txt"));
            assertTrue(testOutput.contains("mvn") || testOutput.contains("BUILD"), testOutput);
            assertTrue(!testOutput.contains("Downloading from"), "tests ran offline:\n" + testOutput);
        } finally {
            removeImage(image);
        }
    }

    /**
     * The image name matching {@code pattern} that {@code env list} printed; a leftover image of that name (which
     * would make the build a no-op) is removed first.
     */
    static String listedImage(EnvCommandTest.Run listed, String pattern) throws Exception {
        Matcher m = Pattern.compile(pattern).matcher(listed.out());
        assertTrue(m.find(), listed.out() + listed.err());
        removeImage(m.group());
        return m.group();
    }

    /**
     * {@code env build} with its logs in {@code logs}, which must succeed; the test is skipped (not failed) when the
     * containers cannot reach Maven Central at all.
     */
    static EnvCommandTest.Run build(Path tasks, String cache, Path logs) throws IOException {
        EnvCommandTest.Run build = EnvCommandTest.run("env", "build", "--tasks", tasks.toString(), "--cache", cache,
                "--logs", logs.toString());
        String log = readAll(logs);
        if (build.exit() != 0) {
            assumeFalse(NO_NETWORK.matcher(log).find(), "Maven Central cannot be reached from containers here;"
                    + " this test needs it: " + log.lines().filter(l -> NO_NETWORK.matcher(l).find())
                    .findFirst().orElse(""));
        }
        assertEquals(0, build.exit(), build.out() + build.err() + log);
        return build;
    }

    /** {@code env check} into {@code out}, which must succeed; returns instance {@code id}'s report. */
    static JsonNode check(Path tasks, String cache, Path out, String id) throws IOException {
        EnvCommandTest.Run check = EnvCommandTest.run("env", "check", "--tasks", tasks.toString(), "--cache", cache,
                "--out", out.toString());
        assertEquals(0, check.exit(), check.out() + check.err());
        return JSON.readTree(out.resolve(id + "/report.json").toFile()).get(id);
    }

    static String readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return "";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) sb.append(Files.readString(p));
        }
        return sb.toString();
    }

    static void removeImage(String image) throws Exception {
        new ProcessBuilder("docker", "rmi", "-f", image).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    static final String PY_PATCH = """
            diff --git a/calc/__init__.py b/calc/__init__.py
            --- a/calc/__init__.py
            +++ b/calc/__init__.py
            @@ -1,5 +1,5 @@
             def absolute(x):
            -    return x
            +    return -x if x < 0 else x
             
             
             def add(a, b):
            """;

    static final String PY_TEST_PATCH = """
            diff --git a/tests/test_calc.py b/tests/test_calc.py
            --- a/tests/test_calc.py
            +++ b/tests/test_calc.py
            @@ -1,5 +1,9 @@
            -from calc import add
            +from calc import absolute, add
             
             
             def test_add():
                 assert add(2, 3) == 5
            +
            +
            +def test_absolute():
            +    assert absolute(-3) == 3
            """;

    static final String POM = MavenProjects.pom("""
            <groupId>jacme</groupId>
            <artifactId>jcalc</artifactId>
            <version>1.0</version>
            <properties>
              <maven.compiler.release>17</maven.compiler.release>
              <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            </properties>
            """, false);

    static final String CALC = """
            package calc;

            public final class Calc {
                public static int add(int a, int b) {
                    return a + b;
                }

                public static int abs(int a) {
                    return a;
                }
            }
            """;

    static final String CALC_TEST = MavenProjects.junitTest("calc", "CalcTest", "adds",
            "assertEquals(5, Calc.add(2, 3));");

    static final String JAVA_PATCH = """
            diff --git a/src/main/java/calc/Calc.java b/src/main/java/calc/Calc.java
            --- a/src/main/java/calc/Calc.java
            +++ b/src/main/java/calc/Calc.java
            @@ -6,6 +6,6 @@ public final class Calc {
                 }
             
                 public static int abs(int a) {
            -        return a;
            +        return a < 0 ? -a : a;
                 }
             }
            """;

    static final String JAVA_TEST_PATCH = """
            diff --git a/src/test/java/calc/CalcTest.java b/src/test/java/calc/CalcTest.java
            --- a/src/test/java/calc/CalcTest.java
            +++ b/src/test/java/calc/CalcTest.java
            @@ -9,4 +9,9 @@ class CalcTest {
                 void adds() {
                     assertEquals(5, Calc.add(2, 3));
                 }
            +
            +    @Test
            +    void absOfNegative() {
            +        assertEquals(4, Calc.abs(-4));
            +    }
             }
            """;
}
