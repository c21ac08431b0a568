package dev.fixpoint.solver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve}'s guessed environment: the pytest default leaves verification a {test_files} slot. */
class LocalEnvironmentTest {

    @Test
    void thePytestDefaultTakesTestFilesAndAGivenCommandIsItsOwnTemplate(@TempDir Path checkout) throws Exception {
        Files.writeString(checkout.resolve("setup.py"), "");

        EnvironmentSpec guessed = LocalEnvironment.guess(checkout, null, null, null, null);
        assertEquals("python3 -m pytest -rA -p no:cacheprovider", guessed.testCommand());
        assertEquals("python3 -m pytest -rA -p no:cacheprovider {test_files}", guessed.testCommandTemplate());

        EnvironmentSpec given = LocalEnvironment.guess(checkout, null, "tox -e py311", null, null);
        assertEquals("tox -e py311", given.testCommandTemplate(), "a command the user gave runs as written");

        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        EnvironmentSpec maven = LocalEnvironment.guess(checkout, null, null, null, null);
        assertEquals(maven.testCommand(), maven.testCommandTemplate());
    }
}
