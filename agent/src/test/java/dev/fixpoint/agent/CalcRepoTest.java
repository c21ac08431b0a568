package dev.fixpoint.agent;

import dev.fixpoint.agent.testing.Fixtures;
import dev.fixpoint.agent.testing.LocalSandbox;
import dev.fixpoint.tasks.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The setting of the agent's local tests: the calc fixture repository in {@link #repo}, a local sandbox on it and its
 * task, a state directory for the agent and a scratch directory for trajectories.
 */
abstract class CalcRepoTest {

    @TempDir Path repo;
    @TempDir Path state;
    @TempDir Path out;
    LocalSandbox sandbox;
    Task task;

    @BeforeEach
    void useCalcRepo() throws Exception {
        useRepo(repo);
    }

    /** Makes a fresh calc repository in {@code dir} and points {@link #sandbox} and {@link #task} at it. */
    void useRepo(Path dir) throws Exception {
        Files.createDirectories(dir);
        sandbox = new LocalSandbox(dir);
        task = Fixtures.calcTask(Fixtures.calcRepo(dir), dir.toString());
    }
}
