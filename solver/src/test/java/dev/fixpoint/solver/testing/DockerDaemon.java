package dev.fixpoint.solver.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that drive the real Docker daemon through the CLI ({@code @ExtendWith(DockerDaemon.class)} next
 * to {@code @Tag("docker")}): fails the class before its first test, saying what to do, when no daemon answers.
 */
public final class DockerDaemon implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        assertTrue(answers(), "no Docker daemon answers: run scripts/test, which starts one");
    }

    /** Whether {@code docker info} succeeds. */
    public static boolean answers() throws InterruptedException {
        try {
            return new ProcessBuilder("docker", "info").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
