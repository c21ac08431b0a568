package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code image: swebench} preset as the resolver applies it. */
class SweBenchImagesTest {

    static final String SPECS = """
            astropy/astropy:
              "5.1":
                image: swebench
                setup_commands: ["python -m pip list"]
                test_command: "pytest -rA {test_files}"
                result_format: pytest_log
            sympy/sympy:
              default:
                image: swebench
                install: ["pip install -e ."]
                test_command: "bin/test -C --verbose"
                result_format: pytest_log
            """;

    static Task task(String id, String repo, String version) {
        return Task.builder().instanceId(id).repo(repo).baseCommit("0123456789abcdef0123456789abcdef01234567")
                .version(version).testPatch("diff --git a/astropy/tests/test_x.py b/astropy/tests/test_x.py\n"
                        + "--- a/astropy/tests/test_x.py\n+++ b/astropy/tests/test_x.py\n@@ -1 +1 @@\n-a\n+b\n")
                .build();
    }

    @Test
    void namesTheInstanceImageActivatesTestbedAndTakesTheRepositoryFromTheImage() {
        Resolution r = EnvironmentResolver.of(SpecFile.parse(SPECS, "envs.yaml"), null)
                .resolve(task("astropy__astropy-12907", "astropy/astropy", "5.1"));
        assertTrue(r.resolved(), r.problem());
        EnvironmentSpec env = r.task().environment();
        assertEquals("swebench/sweb.eval.x86_64.astropy_1776_astropy-12907:latest", env.image());
        assertEquals("/testbed", env.workdir());
        assertTrue(env.repoInImage());
        assertTrue(env.testCommand().startsWith("{ . /opt/miniconda3/bin/activate && conda activate testbed; }"),
                env.testCommand());
        assertTrue(env.testCommand().endsWith("\npytest -rA astropy/tests/test_x.py"), env.testCommand());
        assertEquals(1, env.setupCommands().size());
        assertTrue(env.setupCommands().get(0).contains("conda activate testbed")
                && env.setupCommands().get(0).endsWith("python -m pip list"), env.setupCommands().get(0));
        assertTrue(r.build().isEmpty(), "nothing to build: the image is used as is");
    }

    @Test
    void anInstanceImageTakesNoInstallCommands() {
        Resolution r = EnvironmentResolver.of(SpecFile.parse(SPECS, "envs.yaml"), null)
                .resolve(task("sympy__sympy-20590", "sympy/sympy", "1.7"));
        assertFalse(r.resolved());
        assertTrue(r.problem().contains("image swebench") && r.problem().contains("install"), r.problem());
    }

    @Test
    void otherImagesStillNeedTheirRepositoryCopiedIn() {
        EnvironmentSpec plain = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(), "pytest",
                ResultFormat.PYTEST_LOG, null, null);
        assertFalse(plain.repoInImage());
        assertTrue(plain.withEnv(java.util.Map.of("A", "1")).env().containsKey("A"));
    }
}
