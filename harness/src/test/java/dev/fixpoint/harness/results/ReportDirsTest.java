package dev.fixpoint.harness.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell commands of {@link ReportDirs}, run by sh on a real tree laid out as a multi-module build leaves it. */
class ReportDirsTest {

    @TempDir
    Path tmp;

    private Path workdir;

    @BeforeEach
    void tree() throws IOException {
        workdir = tmp.resolve("test bed"); // a space, to prove the quoting
        for (String d : List.of("target/surefire-reports", "a/target/surefire-reports", "b/target/surefire-reports",
                "tools/gen/target/surefire-reports", ".git/x/target/surefire-reports", "c/target/classes")) {
            Files.createDirectories(workdir.resolve(d));
            Files.writeString(workdir.resolve(d).resolve("TEST-x.xml"), "<testsuite/>");
        }
    }

    private EnvironmentSpec env(String reportsDir) {
        return new EnvironmentSpec("img", workdir.toString(), List.of(), "true", ResultFormat.JUNIT_XML, reportsDir,
                null);
    }

    @Test
    void aGlobFindsEveryModulesReportsTheRootsIncludedAndNoneUnderGit() throws Exception {
        String w = workdir.toString();
        assertEquals(List.of(w + "/a/target/surefire-reports", w + "/b/target/surefire-reports",
                w + "/target/surefire-reports", w + "/tools/gen/target/surefire-reports"),
                sh(ReportDirs.findCommand(env("**/target/surefire-reports"))));
        assertEquals(List.of(w + "/a/target/surefire-reports", w + "/b/target/surefire-reports"),
                sh(ReportDirs.findCommand(env("*/target/surefire-reports"))).stream()
                        .filter(d -> !d.contains("/tools/")).toList());
    }

    @Test
    void aPlainDirectoryIsFoundOnlyWhenItExists() throws Exception {
        assertEquals(List.of(workdir + "/a/target/surefire-reports"),
                sh(ReportDirs.findCommand(env("a/target/surefire-reports"))));
        assertEquals(List.of(), sh(ReportDirs.findCommand(env("build/test-results/test"))));
        assertFalse(ReportDirs.isPattern("target/surefire-reports"));
        assertTrue(ReportDirs.isPattern("**/target/surefire-reports"));
    }

    @Test
    void removingAGlobRemovesEveryMatchAndNothingElse() throws Exception {
        sh(ReportDirs.removeCommand(env("**/target/surefire-reports")));

        assertEquals(List.of(), sh(ReportDirs.findCommand(env("**/target/surefire-reports"))));
        assertTrue(Files.exists(workdir.resolve("c/target/classes/TEST-x.xml")));
        assertTrue(Files.exists(workdir.resolve(".git/x/target/surefire-reports/TEST-x.xml")));
    }

    @Test
    void reportsOfSeveralDirectoriesAreSavedApart() {
        EnvironmentSpec glob = env("**/target/surefire-reports");
        assertEquals("a/target/surefire-reports/TEST-x.xml",
                ReportDirs.savedName(glob, workdir + "/a/target/surefire-reports", "TEST-x.xml"));
        assertEquals("TEST-x.xml", ReportDirs.savedName(env("target/surefire-reports"),
                workdir + "/target/surefire-reports", "TEST-x.xml"));
    }

    private List<String> sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).directory(workdir.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command + "\n" + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
