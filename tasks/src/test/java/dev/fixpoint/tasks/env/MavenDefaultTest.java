package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in Maven default on multi-module projects and old language levels (gson's POMs as examples). */
class MavenDefaultTest {

    @TempDir
    Path tmp;

    static final String TWO_MODULE_TEST_PATCH = """
            diff --git a/b/src/test/java/b/BTest.java b/b/src/test/java/b/BTest.java
            --- a/b/src/test/java/b/BTest.java
            +++ b/b/src/test/java/b/BTest.java
            @@ -1 +1 @@
            -x
            +y
            diff --git a/b/src/test/resources/b/data.json b/b/src/test/resources/b/data.json
            new file mode 100644
            --- /dev/null
            +++ b/b/src/test/resources/b/data.json
            @@ -0,0 +1 @@
            +{}
            diff --git a/tools/gen/src/test/java/g/GTest.java b/tools/gen/src/test/java/g/GTest.java
            --- a/tools/gen/src/test/java/g/GTest.java
            +++ b/tools/gen/src/test/java/g/GTest.java
            @@ -1 +1 @@
            -x
            +y
            diff --git a/README.md b/README.md
            --- a/README.md
            +++ b/README.md
            @@ -1 +1 @@
            -x
            +y
            """;

    static final String SINGLE_MODULE_TEST_PATCH = """
            diff --git a/src/test/java/calc/CalcTest.java b/src/test/java/calc/CalcTest.java
            --- a/src/test/java/calc/CalcTest.java
            +++ b/src/test/java/calc/CalcTest.java
            @@ -1 +1 @@
            -x
            +y
            """;

    private static Task task(String testPatch) {
        return Task.builder().instanceId("acme__j-1").repo("acme/j").baseCommit("abcd1234").testPatch(testPatch)
                .build();
    }

    private RepoTree tree(String pom) throws IOException {
        Files.writeString(tmp.resolve("pom.xml"), pom);
        return RepoTree.of(tmp);
    }

    @Test
    void testModulesAreThePathsBeforeSrcTest() {
        assertEquals(List.of("b", "tools/gen"), CommandTemplate.testModules(task(TWO_MODULE_TEST_PATCH)));
        assertEquals(List.of(), CommandTemplate.testModules(task(SINGLE_MODULE_TEST_PATCH)));
        assertEquals("b,tools/gen", CommandTemplate.expand("{test_modules:,}", task(TWO_MODULE_TEST_PATCH)));
    }

    @Test
    void testsRunOfflineInTheModulesOfTheTestFilesWithWhatTheyNeed() throws IOException {
        EnvironmentEntry e = BuiltinEnvironments.detect(tree(MODERN_POM)).entry().orElseThrow();

        assertEquals("mods=b,tools/gen; mvn -B -o -Dmaven.test.failure.ignore=true ${mods:+-pl \"$mods\" -am} test",
                CommandTemplate.expand(e.testCommand(), task(TWO_MODULE_TEST_PATCH)));
        assertEquals("mods=; mvn -B -o -Dmaven.test.failure.ignore=true ${mods:+-pl \"$mods\" -am} test",
                CommandTemplate.expand(e.testCommand(), task(SINGLE_MODULE_TEST_PATCH)));
        assertEquals("**/target/surefire-reports", e.reportsDir());
    }

    @Test
    void dependenciesComeFromOneReactorBuildNeverFromGoOffline() throws IOException {
        EnvironmentEntry e = BuiltinEnvironments.detect(tree(MODERN_POM)).entry().orElseThrow();

        assertEquals(List.of("mvn -B -Dmaven.test.failure.ignore=true test",
                "find . -name target -type d -prune -exec rm -rf {} +"), e.install());
        assertTrue(e.install().stream().noneMatch(c -> c.contains("go-offline") || c.contains(" -o ")), e.install().toString());
    }

    @Test
    void aLevelJdk17RefusesIsRaisedToEightAtBuildAndTestTime() throws IOException {
        BuiltinEnvironments.Detection d = BuiltinEnvironments.detect(tree(GSON_2_8_9_POM));
        EnvironmentEntry e = d.entry().orElseThrow();

        String raise = "-Dmaven.compiler.source=8 -Dmaven.compiler.target=8 -Dmaven.compiler.release=8";
        assertTrue(e.install().get(0).startsWith("mvn -B " + raise + " "), e.install().get(0));
        assertTrue(e.testCommand().contains("mvn -B " + raise + " -o "), e.testCommand());
        assertEquals("built-in Maven default (pom.xml; language level 6 raised to 8, the POM's is below what JDK 17"
                + " compiles)", d.description());
    }

    @Test
    void levelsJdk17CompilesAreLeftAlone() throws IOException {
        for (String pom : List.of(MODERN_POM, GSON_2_10_POM, GSON_2_9_POM)) {
            EnvironmentEntry e = BuiltinEnvironments.detect(tree(pom)).entry().orElseThrow();
            assertFalse(e.testCommand().contains("maven.compiler"), e.testCommand());
            assertFalse(e.install().get(0).contains("maven.compiler"), e.install().get(0));
        }
    }

    @Test
    void levelsAreReadFromPropertiesAndCompilerPluginConfiguration() {
        assertEquals(OptionalInt.of(6), PomLevels.lowest(GSON_2_8_9_POM));
        assertEquals(OptionalInt.of(7), PomLevels.lowest(GSON_2_9_POM));
        assertEquals(OptionalInt.of(7), PomLevels.lowest(GSON_2_10_POM));
        assertEquals(OptionalInt.of(17), PomLevels.lowest(MODERN_POM));
        assertEquals(OptionalInt.of(5), PomLevels.lowest("""
                <project><properties><java.version>1.5</java.version></properties>
                  <build><plugins><plugin><artifactId>maven-compiler-plugin</artifactId>
                    <configuration><source>${java.version}</source></configuration>
                  </plugin></plugins></build></project>"""));
        assertEquals(OptionalInt.empty(), PomLevels.lowest("<project/>"));
        assertEquals(OptionalInt.empty(), PomLevels.lowest("<project><unclosed></project>"));
        assertEquals(OptionalInt.empty(), PomLevels.lowest("""
                <project><build><plugins><plugin><artifactId>other-plugin</artifactId>
                  <configuration><source>1.4</source></configuration></plugin></plugins></build></project>"""));
    }

    static final String MODERN_POM = """
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>acme</groupId><artifactId>parent</artifactId><version>1.0-SNAPSHOT</version>
              <packaging>pom</packaging>
              <modules><module>a</module><module>b</module></modules>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
            </project>
            """;

    /** gson-parent 2.8.9's compiler configuration (abridged): a literal 1.6, and 9 for module-info only. */
    static final String GSON_2_8_9_POM = """
            <project>
              <modules><module>gson</module><module>extras</module></modules>
              <properties><java.version>1.6</java.version></properties>
              <build><pluginManagement><plugins>
                <plugin>
                  <groupId>org.apache.maven.plugins</groupId>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <version>3.8.1</version>
                  <executions>
                    <execution><id>base-compile</id><goals><goal>compile</goal></goals>
                      <configuration><jdkToolchain><version>9</version></jdkToolchain><release>9</release></configuration>
                    </execution>
                  </executions>
                  <configuration>
                    <jdkToolchain><version>[1.5,9)</version></jdkToolchain>
                    <source>1.6</source>
                    <target>1.6</target>
                  </configuration>
                </plugin>
              </plugins></pluginManagement></build>
            </project>
            """;

    /** gson-parent 2.9.x: the release from a property of its own. */
    static final String GSON_2_9_POM = """
            <project>
              <modules><module>gson</module><module>extras</module><module>metrics</module><module>proto</module></modules>
              <properties><javaVersion>7</javaVersion></properties>
              <build><pluginManagement><plugins>
                <plugin>
                  <artifactId>maven-compiler-plugin</artifactId>
                  <version>3.10.1</version>
                  <configuration><release>${javaVersion}</release></configuration>
                </plugin>
              </plugins></pluginManagement></build>
            </project>
            """;

    /** gson-parent 2.10: maven.compiler.release 7, and 11 for one plugin's own compilation. */
    static final String GSON_2_10_POM = """
            <project>
              <modules><module>gson</module><module>extras</module><module>metrics</module><module>proto</module></modules>
              <properties><maven.compiler.release>7</maven.compiler.release></properties>
            </project>
            """;
}
