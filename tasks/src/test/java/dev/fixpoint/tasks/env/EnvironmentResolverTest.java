package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentResolverTest {

    static final String C1 = "0123456789abcdef0123456789abcdef01234567";
    static final String C2 = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    static Task task(String id, String repo, String version, String setupCommit) {
        return Task.builder().instanceId(id).repo(repo).baseCommit(C1).version(version)
                .environmentSetupCommit(setupCommit).testPatch(CommandTemplateTest.TEST_PATCH)
                .failToPass(List.of("tests/test_a.py::test_x")).build();
    }

    static final SpecFile SPECS = SpecFile.parse(SpecFileTest.SPECS, "envs.yaml");

    @Test
    void rowEnvironmentWins() {
        EnvironmentSpec own = new EnvironmentSpec("mine:1", "/w", List.of(), "make test", ResultFormat.PYTEST_LOG,
                null, null);
        Resolution r = EnvironmentResolver.of(SPECS, null).resolve(task("w-1", "acme/widgets", "3.0", C2)
                .withEnvironment(own));
        assertEquals(Resolution.Source.ROW, r.source());
        assertEquals(own, r.task().environment());
        assertNull(r.recipe());
    }

    @Test
    void specEntryWithInstallStepsNamesABuiltImage() {
        Resolution r = EnvironmentResolver.of(SPECS, null).resolve(task("w-1", "acme/widgets", "3.0", C2));
        assertTrue(r.resolved(), r.problem());
        assertEquals(Resolution.Source.SPEC_FILE, r.source());
        assertEquals("envs.yaml: acme/widgets 3.0", r.origin());
        EnvironmentRecipe recipe = r.recipe();
        assertEquals(C2, recipe.sourceCommit());
        assertEquals("fixpoint/python:latest", recipe.baseImage());
        assertEquals(List.of("libxml2-dev"), recipe.packages());
        assertEquals(Map.of("LANG", "C.UTF-8"), recipe.env());
        assertTrue(recipe.image().matches("fixpoint/env:acme_widgets-3\\.0-[0-9a-f]{12}"), recipe.image());
        EnvironmentSpec env = r.task().environment();
        assertEquals(recipe.image(), env.image());
        assertEquals("/testbed", env.workdir());
        assertEquals("python3 -m pytest -rA tests/test_a.py tests/test_new.py", env.testCommand());
        assertEquals("python3 -m pytest -rA {test_files}", env.testCommandTemplate(), "the spec's command is kept for display");
        assertEquals(Duration.ofSeconds(600), env.testTimeout());
    }

    @Test
    void tasksOfOneRepoVersionAndSetupCommitShareOneImage() {
        Resolutions all = EnvironmentResolver.of(SPECS, null).resolveAll(List.of(
                task("w-1", "acme/widgets", "3.0", C2), task("w-2", "acme/widgets", "3.0", C2),
                task("w-3", "acme/widgets", "3.1", C2), task("w-4", "acme/widgets", "3.0", C1)));
        assertEquals(4, all.tasks().size());
        List<List<String>> users = List.copyOf(all.recipes().values());
        assertEquals(List.of(List.of("w-1", "w-2"), List.of("w-3"), List.of("w-4")), users);
        // without a setup commit, the base commit is copied in
        assertEquals(C1, EnvironmentResolver.of(SPECS, null).resolve(task("w-5", "acme/widgets", "3.0", ""))
                .recipe().sourceCommit());
    }

    @Test
    void existingImageIsUsedAsIsWithPlaceholdersFilled() {
        EnvironmentSpec env = usedAsIs(EnvironmentResolver.of(SPECS, null).resolve(task("acme__gadgets-7", "acme/gadgets", "1.0", "")));
        assertEquals("swebench/sweb.eval.x86_64.acme_1776_gadgets-7:latest", env.image());
        assertEquals("pytest tests/test_a.py::test_x", env.testCommand());
    }

    /** Asserts that {@code r} resolved to an image used as is (no recipe to build); its environment. */
    static EnvironmentSpec usedAsIs(Resolution r) {
        assertTrue(r.resolved(), r.problem());
        assertNull(r.recipe());
        return r.task().environment();
    }

    @Test
    void specEnvReachesTheTaskEnvironmentAlsoForAnImageUsedAsIs() {
        SpecFile f = SpecFile.parse("a/b:\n  default:\n    image: x:1\n    test_command: t\n    result_format: pytest_log\n"
                + "    env: {GREETING: hello, LANG: C.UTF-8}\n  \"2\":\n    env: {GREETING: bonjour}\n"
                + "c/d:\n  default:\n    base_image: fixpoint/python:latest\n    install: [make]\n    test_command: t\n"
                + "    result_format: pytest_log\n    env: {MODE: ci}\n", "e.yaml");
        EnvironmentSpec asIs = usedAsIs(EnvironmentResolver.of(f, null).resolve(task("b-1", "a/b", "1", "")));
        assertEquals("x:1", asIs.image());
        assertEquals(Map.of("GREETING", "hello", "LANG", "C.UTF-8"), asIs.env());
        // a version entry's env replaces the default's, as every other field
        assertEquals(Map.of("GREETING", "bonjour"),
                EnvironmentResolver.of(f, null).resolve(task("b-2", "a/b", "2", "")).task().environment().env());
        Resolution built = EnvironmentResolver.of(f, null).resolve(task("d-1", "c/d", "1", ""));
        assertTrue(built.resolved(), built.problem());
        assertEquals(Map.of("MODE", "ci"), built.recipe().env());
        assertEquals(Map.of("MODE", "ci"), built.task().environment().env());
        // without env in the spec, none
        assertEquals(Map.of(), EnvironmentResolver.of(SPECS, null).resolve(task("acme__gadgets-7", "acme/gadgets", "1.0", ""))
                .task().environment().env());
    }

    @Test
    void baseImageWithoutStepsIsUsedAsIs() {
        SpecFile f = SpecFile.parse("a/b:\n  default:\n    base_image: fixpoint/java:latest\n    test_command: sh"
                + " run-tests.sh\n    result_format: junit_xml\n    reports_dir: build/test-results\n", "e.yaml");
        EnvironmentSpec env = usedAsIs(EnvironmentResolver.of(f, null).resolve(task("b-1", "a/b", "", "")));
        assertEquals("fixpoint/java:latest", env.image());
        assertEquals("build/test-results", env.reportsDir());
    }

    @Test
    void unresolvedTasksSayWhy() {
        Resolution none = EnvironmentResolver.of(SPECS, null).resolve(task("x-1", "acme/other", "1.0", ""));
        assertFalse(none.resolved());
        assertEquals(Resolution.Source.NONE, none.source());
        assertEquals("x-1: no environment for repo acme/other version \"1.0\": no environment in the row; spec file "
                + "envs.yaml has no entry for repo acme/other", none.problem());

        Resolution version = EnvironmentResolver.of(SPECS, null).resolve(task("g-1", "acme/gadgets", "2.0", ""));
        assertEquals("g-1: no environment for repo acme/gadgets version \"2.0\": no environment in the row; spec file"
                + " envs.yaml has repo acme/gadgets but no entry for version \"2.0\" (keys: 1.0; add one, a range, or"
                + " default)", version.problem());

        SpecFile bad = SpecFile.parse("a/b:\n  default:\n    base_image: img\n", "e.yaml");
        Resolution r = EnvironmentResolver.of(bad, null).resolve(task("b-1", "a/b", "2", ""));
        assertEquals(Resolution.Source.SPEC_FILE, r.source());
        assertEquals("b-1: environment of repo a/b version \"2\" from e.yaml: a/b default: test_command is missing",
                r.problem());

        SpecFile mixed = SpecFile.parse("a/b:\n  default:\n    install: [make]\n  \"2\":\n    image: x:1\n"
                + "    test_command: t\n    result_format: pytest_log\n", "e.yaml");
        assertEquals("b-1: environment of repo a/b version \"2\" from e.yaml: a/b 2: image x:1 is used as is, so it"
                        + " cannot take packages or install; use base_image to build upon it",
                EnvironmentResolver.of(mixed, null).resolve(task("b-1", "a/b", "2", "")).problem());
    }

    @Test
    void builtInDefaultsFromTheTree() throws IOException {
        Path py = tmp.resolve("py");
        Files.createDirectories(py.resolve("tests"));
        Files.writeString(py.resolve("setup.py"), "from setuptools import setup\nsetup()\n");
        Files.writeString(py.resolve("requirements.txt"), "attrs\n");
        Resolution r = EnvironmentResolver.of(null, t -> RepoTree.of(py)).resolve(task("p-1", "acme/py", "1", ""));
        assertTrue(r.resolved(), r.problem());
        assertEquals(Resolution.Source.DETECTED, r.source());
        assertEquals("built-in pytest default (requirements.txt, setup.py)", r.origin());
        assertEquals(List.of("pip install --break-system-packages -r requirements.txt",
                "pip install --break-system-packages -e ."), r.recipe().install());
        assertEquals("python3 -m pytest -rA -p no:cacheprovider tests/test_a.py tests/test_new.py",
                r.task().environment().testCommand());

        Path gradle = tmp.resolve("gradle");
        Files.createDirectories(gradle);
        Files.writeString(gradle.resolve("build.gradle"), "plugins { id 'java' }\n");
        Resolution g = EnvironmentResolver.of(SPECS, t -> RepoTree.of(gradle)).resolve(task("g-1", "acme/g", "", ""));
        assertFalse(g.resolved());
        assertTrue(g.problem().contains("spec file envs.yaml has no entry for repo acme/g; no built-in default: a"
                + " Gradle build without a wrapper (gradlew)"), g.problem());
        Files.writeString(gradle.resolve("gradlew"), "#!/bin/sh\n");
        Resolution w = EnvironmentResolver.of(SPECS, t -> RepoTree.of(gradle)).resolve(task("g-1", "acme/g", "", ""));
        assertEquals("./gradlew --offline --no-daemon test --continue", w.task().environment().testCommand());
        assertEquals("build/test-results/test", w.task().environment().reportsDir());

        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("Makefile"), "all:\n");
        assertTrue(EnvironmentResolver.of(null, t -> RepoTree.of(empty)).resolve(task("e-1", "acme/e", "", ""))
                .problem().endsWith("no spec file; no built-in default: not a Maven, Gradle or pytest project at the"
                        + " base commit (top level: Makefile)"));
    }

    @Test
    void mavenDefaultReadFromTheMirrorWithoutACheckout() {
        try (GitFixture repo = GitFixture.init(tmp.resolve("src/jlib"))) {
            String base = repo.write("pom.xml", "<project/>\n").write("src/main/java/a/A.java", "class A {}\n")
                    .commit("initial");
            Path bare = repo.bareClone(tmp.resolve("mirrors/jlib.git"));
            RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.withMirrors(Map.of("acme/jlib",
                    bare.toString())));
            Task t = Task.builder().instanceId("acme__jlib-1").repo("acme/jlib").baseCommit(base).build();
            Resolution r = EnvironmentResolver.of(null, TreeSource.mirrors(cache)).resolve(t);
            assertTrue(r.resolved(), r.problem());
            assertEquals("built-in Maven default (pom.xml)", r.origin());
            assertEquals("fixpoint/java:latest", r.recipe().baseImage());
            assertEquals("mods=; mvn -B -o -Dmaven.test.failure.ignore=true ${mods:+-pl \"$mods\" -am} test",
                    r.task().environment().testCommand());
            assertEquals(ResultFormat.JUNIT_XML, r.task().environment().resultFormat());
            assertEquals("**/target/surefire-reports", r.task().environment().reportsDir());
            RepoTree tree = TreeSource.mirrors(cache).open(t);
            assertEquals(List.of("pom.xml", "src"), tree.list(""));
            assertTrue(tree.isDirectory("src/main/java"));
            assertEquals("<project/>\n", tree.read("pom.xml").orElseThrow());
        }
    }
}
