package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.testing.GitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The setting of the workspace tests: a pycart source repository whose base commit each test class writes, followed
 * by a later change (total doubles) that a checkout at the base must not show; a mirror cache; and the task at the base.
 */
abstract class PyCartTest {

    @TempDir
    Path tmp;

    GitFixture source;
    String base;
    RepoCache cache;
    Task task;

    @BeforeEach
    void setUpPyCart() {
        source = GitFixture.init(tmp.resolve("src/pycart"));
        base = commitBase(source);
        source.write("cart.py", "def total(items):\n    return sum(items) * 2\n").commit("later change");
        cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.direct());
        task = Task.builder().instanceId("pycart-1").repo(source.dir().toString()).baseCommit(base).build();
    }

    /** Writes and commits the files of the base commit (and any before it); returns the base commit's id. */
    abstract String commitBase(GitFixture source);

    @AfterEach
    void closeSource() {
        source.close();
    }
}
