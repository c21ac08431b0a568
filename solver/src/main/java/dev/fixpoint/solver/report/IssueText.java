package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskException;
import dev.fixpoint.tasks.TaskLoader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where the page finds issue texts: the run's task file, or failing that the prompt a rollout was given. */
final class IssueText {

    private static final Logger log = LoggerFactory.getLogger(IssueText.class);
    private IssueText() {}

    /** Tasks by instance id from a task file (any loader format); rows that do not load are left out. */
    static Map<String, Task> fromTaskFile(Path file) {
        try {
            Map<String, Task> out = new LinkedHashMap<>();
            for (Task t : TaskLoader.lenient().load(file).tasks()) out.put(t.instanceId(), t);
            return out;
        } catch (TaskException e) {
            throw new SolverException("cannot read the task file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text between {@code <issue>} and {@code </issue>} in the trajectory's first user message, if any. */
    static Optional<String> fromTrajectory(Path trajectory) {
        if (!Files.isRegularFile(trajectory)) return Optional.empty();
        try (BufferedReader in = Files.newBufferedReader(trajectory)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) return Optional.empty();
            JsonNode start = RunJson.mapper().readTree(first);
            for (JsonNode m : start.path("messages")) {
                if (!m.path("role").asText().equals("user")) continue;
                String text = m.path("text").asText("");
                int a = text.indexOf("<issue>"), b = text.lastIndexOf("</issue>");
                if (a >= 0 && b > a) return Optional.of(text.substring(a + "<issue>".length(), b).strip());
            }
            return Optional.empty();
        } catch (IOException e) {
            log.warn("{}: cannot read its issue text: {} (the page shows the trajectory's problems)", trajectory, e.getMessage());
            return Optional.empty();
        }
    }
}
