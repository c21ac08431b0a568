package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled samples take their environments from tasks/samples/environments.yaml, not from their rows. */
class SamplesEnvironmentsTest {

    static final Path SAMPLES = Path.of("samples").toAbsolutePath();
    static final EnvironmentSpec PYTHON = new EnvironmentSpec("fixpoint/python:latest", "/testbed", List.of(),
            "python3 -m pytest -rA -p no:cacheprovider tests", ResultFormat.PYTEST_LOG, null, Duration.ofSeconds(300));
    static final EnvironmentSpec JAVA = new EnvironmentSpec("fixpoint/java:latest", "/testbed", List.of(),
            "sh run-tests.sh", ResultFormat.JUNIT_XML, "build/test-results", Duration.ofSeconds(300));

    @Test
    void everySampleResolvesThroughTheSiblingSpecFile() {
        assumeTrue(Files.isRegularFile(SAMPLES.resolve("environments.yaml")), "samples missing");
        Path tasks = SAMPLES.resolve("tasks.jsonl");
        List<Task> loaded = TaskLoader.strict().load(tasks).tasks();
        assertEquals(6, loaded.size());
        for (Task t : loaded) {
            boolean java = List.of("calspan", "tinycache", "tallymoney").contains(t.repo().substring(t.repo().indexOf('/') + 1));
            assertEquals(java ? JAVA : PYTHON, t.environment(), t.instanceId());
        }
        for (Task t : TaskLoader.strict().withoutSpecs().load(tasks).tasks()) {
            assertNull(t.environment(), t.instanceId() + ": the rows carry no environment of their own");
        }
        Resolutions r = EnvironmentResolver.of(SpecFile.load(SAMPLES.resolve("environments.yaml")), null)
                .resolveAll(TaskLoader.strict().withoutSpecs().load(tasks).tasks());
        assertEquals(loaded, r.tasks());
        assertEquals(0, r.recipes().size(), "the samples' images are used as they are");
    }
}
