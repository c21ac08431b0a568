package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.testing.DockerDaemon;
import dev.fixpoint.solver.testing.MavenProjects;
import dev.fixpoint.tasks.testing.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in Maven default on a two-module project against the real Docker daemon: module b depends on module a
 * (a SNAPSHOT sibling, which {@code dependency:go-offline} would try to download), the root POM asks for Java 1.6
 * (which JDK 17 refuses), the fix is in a and the new test in b. The image build fetches junit from Maven Central;
 * the gold patch then resolves offline, with a's and b's reports both read.
 */
@Tag("docker")
@ExtendWith(DockerDaemon.class)
class MavenMultiModuleDockerTest {

    @TempDir
    Path tmp;

    @Test
    void goldResolvesOnATwoModuleProjectWithAnOldLanguageLevel() throws Exception {
        String base;
        try (GitFixture src = GitFixture.init(tmp.resolve("src/shapes"))) {
            base = src.write("pom.xml", ROOT_POM).write(".gitignore", "target/\n")
                    .write("a/pom.xml", A_POM).write("a/src/main/java/a/Shapes.java", SHAPES)
                    .write("a/src/test/java/a/ShapesTest.java", SHAPES_TEST)
                    .write("b/pom.xml", B_POM).write("b/src/main/java/b/Fence.java", FENCE)
                    .write("b/src/test/java/b/FenceTest.java", FENCE_TEST)
                    .commit("initial");
            src.bareClone(tmp.resolve("shapes.git"));
        }
        Files.writeString(tmp.resolve("mirrors.json"), "{\"acme/shapes\": \"shapes.git\"}");
        ObjectNode row = EnvCommandDockerTest.JSON.createObjectNode().put("instance_id", "acme__shapes-1")
                .put("repo", "acme/shapes").put("base_commit", base).put("environment_setup_commit", base)
                .put("version", "1.0").put("problem_statement", "a square fence of side 3 is 12 long, not 7")
                .put("patch", PATCH).put("test_patch", TEST_PATCH);
        row.putArray("FAIL_TO_PASS").add("b.FenceTest#lengthOfASquareFence");
        row.putArray("PASS_TO_PASS").add("a.ShapesTest#squares").add("b.FenceTest#areaOfASquareYard");
        Path tasks = Files.writeString(tmp.resolve("tasks.jsonl"), EnvCommandDockerTest.JSON.writeValueAsString(row) + "\n");
        String cache = tmp.resolve("cache").toString();

        EnvCommandTest.Run listed = EnvCommandTest.run("env", "list", "--tasks", tasks.toString(), "--cache", cache);
        assertTrue(listed.out().contains("language level 6 raised to 8"), listed.out());
        String image = EnvCommandDockerTest.listedImage(listed, "fixpoint/env:acme_shapes-1\\.0-[0-9a-f]{12}");
        try {
            Path logs = tmp.resolve("logs");
            EnvCommandDockerTest.build(tasks, cache, logs);
            String log = EnvCommandDockerTest.readAll(logs);
            assertTrue(log.contains("Downloaded from central"), "dependencies fetched at build time:\n" + log);
            assertFalse(log.contains("acme/a/1.0-SNAPSHOT"), "the sibling module comes from the reactor:\n" + log);
            assertTrue(log.contains("-Dmaven.compiler.release=8"), log);

            Path out = tmp.resolve("check");
            JsonNode report = EnvCommandDockerTest.check(tasks, cache, out, "acme__shapes-1");
            assertTrue(report.get("resolved").asBoolean(), report.toString());
            assertEquals(List.of("a.ShapesTest#squares", "b.FenceTest#areaOfASquareYard"),
                    List.of(report.at("/tests_status/PASS_TO_PASS/success/0").asText(),
                            report.at("/tests_status/PASS_TO_PASS/success/1").asText()));
            String testOutput = Files.readString(out.resolve("acme__shapes-1/test_output.txt"));
            assertFalse(testOutput.contains("Downloading from"), "tests ran offline:\n" + testOutput);
            try (Stream<Path> files = Files.walk(out.resolve("acme__shapes-1"))) {
                List<String> reports = files.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("TEST-") && n.endsWith(".xml")).sorted().toList();
                assertEquals(List.of("TEST-a.ShapesTest.xml", "TEST-b.FenceTest.xml"), reports);
            }
        } finally {
            EnvCommandDockerTest.removeImage(image);
        }
    }

    static final String ROOT_POM = MavenProjects.pom("""
            <groupId>acme</groupId>
            <artifactId>shapes-parent</artifactId>
            <version>1.0-SNAPSHOT</version>
            <packaging>pom</packaging>
            <modules>
              <module>a</module>
              <module>b</module>
            </modules>
            <properties>
              <maven.compiler.source>1.6</maven.compiler.source>
              <maven.compiler.target>1.6</maven.compiler.target>
              <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            </properties>
            """, true);

    static final String A_POM = modulePom("<artifactId>a</artifactId>\n");

    static final String B_POM = modulePom("""
            <artifactId>b</artifactId>
            <dependencies>
              <dependency>
                <groupId>acme</groupId>
                <artifactId>a</artifactId>
                <version>${project.version}</version>
              </dependency>
            </dependencies>
            """);

    /** A module's POM: shapes-parent as its parent, then {@code rest} (artifactId, dependencies; not indented). */
    static String modulePom(String rest) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>acme</groupId>
                    <artifactId>shapes-parent</artifactId>
                    <version>1.0-SNAPSHOT</version>
                  </parent>
                """ + rest.indent(2) + "</project>\n";
    }

    static final String SHAPES = """
            package a;

            public final class Shapes {
                public static int square(int x) {
                    return x * x;
                }

                public static int perimeter(int side) {
                    return side + 4;
                }
            }
            """;

    static final String SHAPES_TEST = MavenProjects.junitTest("a", "ShapesTest", "squares",
            "assertEquals(9, Shapes.square(3));");

    static final String FENCE = """
            package b;

            import a.Shapes;

            public final class Fence {
                public static int length(int side) {
                    return Shapes.perimeter(side);
                }

                public static int yard(int side) {
                    return Shapes.square(side);
                }
            }
            """;

    static final String FENCE_TEST = MavenProjects.junitTest("b", "FenceTest", "areaOfASquareYard",
            "assertEquals(16, Fence.yard(4));");

    static final String PATCH = """
            diff --git a/a/src/main/java/a/Shapes.java b/a/src/main/java/a/Shapes.java
            --- a/a/src/main/java/a/Shapes.java
            +++ b/a/src/main/java/a/Shapes.java
            @@ -6,6 +6,6 @@ public final class Shapes {
                 }
             
                 public static int perimeter(int side) {
            -        return side + 4;
            +        return side * 4;
                 }
             }
            """;

    static final String TEST_PATCH = """
            diff --git a/b/src/test/java/b/FenceTest.java b/b/src/test/java/b/FenceTest.java
            --- a/b/src/test/java/b/FenceTest.java
            +++ b/b/src/test/java/b/FenceTest.java
            @@ -9,4 +9,9 @@ class FenceTest {
                 void areaOfASquareYard() {
                     assertEquals(16, Fence.yard(4));
                 }
            +
            +    @Test
            +    void lengthOfASquareFence() {
            +        assertEquals(12, Fence.length(3));
            +    }
             }
            """;
}
