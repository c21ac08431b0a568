package dev.fixpoint.tasks.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentRecipeTest {

    static EnvironmentRecipe recipe(String commit, List<String> install, Duration timeout, String origin) {
        return new EnvironmentRecipe("sympy/sympy", "1.9", commit, "fixpoint/python:latest", "/testbed",
                List.of("python3-mpmath"), install, Map.of(), timeout, origin);
    }

    @Test
    void onlyInstallCommandsNeedTheSourceTree() {
        String c = "f9a6f50ec0c74d935c50a6e9c9b2cb0469570d91";
        assertFalse(recipe(c, List.of(), null, "").needsSource(), "packages only: no source in the image");
        assertTrue(recipe(c, List.of("pip install -e ."), null, "").needsSource());
    }

    @Test
    void theImageNameCoversTheRecipeAndItsFormatButNotTimeoutOrOrigin() {
        String c = "f9a6f50ec0c74d935c50a6e9c9b2cb0469570d91";
        EnvironmentRecipe r = recipe(c, List.of(), null, "a.yaml");
        assertTrue(r.image().matches("fixpoint/env:sympy_sympy-1\\.9-[0-9a-f]{12}"), r.image());
        assertEquals(r.image(), recipe(c, List.of(), Duration.ofMinutes(5), "b.yaml").image());
        assertNotEquals(r.image(), recipe("3ac1464b8840d5f8b618a654f9fbf09c452fe969", List.of(), null, "").image());
        assertNotEquals(r.image(), recipe(c, List.of("true"), null, "").image());
        // Format 2 (no source tree in the image): images of format 1, which kept the setup commit's tree, had other
        // names (this recipe's format-1 name was fixpoint/env:sympy_sympy-1.9-49d02f84994b).
        assertNotEquals("fixpoint/env:sympy_sympy-1.9-49d02f84994b", r.image());
        assertEquals("fixpoint/env:sympy_sympy-1.9-4ed331e7bb21", r.image(), "names are stable across runs and machines");
    }
}
