package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.TaskException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecFileTest {

    static final String SPECS = """
            acme/widgets:
              default:
                base_image: fixpoint/python:latest
                install: ["pip install -e ."]
                test_command: python3 -m pytest -rA {test_files}
                result_format: pytest_log
                test_timeout_seconds: 600
                env: {LANG: C.UTF-8}
              "3.0":
                packages: [libxml2-dev]
              ">=3.1,<4":
                install: ["pip install -e .[dev]"]
              ">=3.5":
                test_command: never reached for 3.5, the range above matches first
            Acme/Gadgets:
              1.0:
                image: swebench/sweb.eval.x86_64.{swebench_id}:latest
                repo_path: /testbed
                test_command: pytest {test_names}
                result_format: pytest_log
            """;

    @Test
    void versionEntriesInheritFromDefault() {
        SpecFile f = SpecFile.parse(SPECS, "envs.yaml");
        SpecFile.Match m = f.find("acme/widgets", "3.0").orElseThrow();
        assertEquals("3.0", m.versionKey());
        EnvironmentEntry e = m.entry();
        assertEquals("fixpoint/python:latest", e.baseImage());
        assertEquals(List.of("libxml2-dev"), e.packages());
        assertEquals(List.of("pip install -e ."), e.install());
        assertEquals(ResultFormat.PYTEST_LOG, e.resultFormat());
        assertEquals(Duration.ofSeconds(600), e.testTimeout());
        assertEquals(Map.of("LANG", "C.UTF-8"), e.env());
    }

    @Test
    void exactThenFirstRangeThenDefault() {
        SpecFile f = SpecFile.parse(SPECS, "envs.yaml");
        assertEquals(">=3.1,<4", f.find("acme/widgets", "3.5").orElseThrow().versionKey());
        assertEquals(List.of("pip install -e .[dev]"), f.find("acme/widgets", "3.5").orElseThrow().entry().install());
        assertEquals(">=3.5", f.find("acme/widgets", "4.2").orElseThrow().versionKey());
        assertEquals("default", f.find("acme/widgets", "2.0").orElseThrow().versionKey());
        assertEquals("default", f.find("ACME/WIDGETS", "").orElseThrow().versionKey());
        assertTrue(f.find("acme/gadgets", "2.0").isEmpty());
        assertTrue(f.find("acme/other", "1.0").isEmpty());
        assertEquals(List.of("3.0", ">=3.1,<4", ">=3.5", "default"), f.versionKeys("acme/widgets"));
    }

    @Test
    void existingImageWithRepoPath() {
        EnvironmentEntry e = SpecFile.parse(SPECS, "envs.yaml").find("acme/gadgets", "1.0").orElseThrow().entry();
        assertEquals("swebench/sweb.eval.x86_64.{swebench_id}:latest", e.image());
        assertEquals("/testbed", e.workdir());
        assertNull(e.baseImage());
    }

    @Test
    void errorsNameFileRepoVersionAndField() {
        assertEquals("envs.yaml: repo a/b version 1.0: unknown field \"test_comand\" (known: base_image, env, image, "
                        + "install, install_timeout_seconds, packages, repo_path, reports_dir, result_format, "
                        + "setup_commands, test_command, test_timeout_seconds, workdir)",
                error("a/b:\n  \"1.0\":\n    test_comand: pytest\n"));
        assertEquals("envs.yaml: repo a/b version 1.0: result_format must be one of " + SpecFile.formatNames()
                + ", not: tapp", error("a/b:\n  \"1.0\":\n    result_format: tapp\n"));
        assertTrue(SpecFile.formatNames().startsWith("pytest_log, junit_xml, pytest_options, "), SpecFile.formatNames());
        assertEquals("envs.yaml: repo a/b version default: test_timeout_seconds must be a positive whole number of"
                + " seconds, not: \"5m\"", error("a/b:\n  default:\n    test_timeout_seconds: 5m\n"));
        assertEquals("envs.yaml: repo a/b version >=1,~2: not a version range constraint: \"~2\" in \">=1,~2\" (use"
                + " e.g. \">=1.2,<2\" with >=, >, <=, <, ==, !=)", error("a/b:\n  \">=1,~2\": {}\n"));
        assertEquals("envs.yaml: repo a/b version 1: workdir must be an absolute path, not: testbed",
                error("a/b:\n  1:\n    workdir: testbed\n"));
        assertTrue(error("a/b:\n  1:\n    test_command: pytest {tests}\n")
                .startsWith("envs.yaml: repo a/b version 1: test_command has unknown placeholder {tests} (known: "));
        assertTrue(error("a/b: [1, 2]\n").startsWith("envs.yaml: repo a/b: must map version keys"));
        assertTrue(error("a/b:\n  1: {}\n  1: {}\n").startsWith("environment spec file envs.yaml is not valid YAML: "
                + "Duplicate field '1'"), error("a/b:\n  1: {}\n  1: {}\n"));
    }

    private static String error(String yaml) {
        return assertThrows(TaskException.class, () -> SpecFile.parse(yaml, "envs.yaml")).getMessage();
    }
}
