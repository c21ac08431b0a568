package dev.fixpoint.tasks;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One issue to solve or grade, with SWE-bench's fields plus where its tests run.
 * Optional text fields are empty strings, never null; lists are immutable.
 */
public record Task(
        String instanceId,
        String repo,
        String baseCommit,
        String problemStatement,
        String hintsText,
        String createdAt,
        String version,
        String patch,
        String testPatch,
        List<String> failToPass,
        List<String> passToPass,
        String environmentSetupCommit,
        EnvironmentSpec environment) {

    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,199}");

    public Task {
        instanceIdProblem(instanceId).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (repo == null || repo.isBlank()) {
            throw new IllegalArgumentException(instanceId + ": repo is missing");
        }
        if (baseCommit == null || baseCommit.isBlank()) {
            throw new IllegalArgumentException(instanceId + ": base_commit is missing");
        }
        problemStatement = orEmpty(problemStatement);
        hintsText = orEmpty(hintsText);
        createdAt = orEmpty(createdAt);
        version = orEmpty(version);
        patch = orEmpty(patch);
        testPatch = orEmpty(testPatch);
        failToPass = failToPass == null ? List.of() : List.copyOf(failToPass);
        passToPass = passToPass == null ? List.of() : List.copyOf(passToPass);
        environmentSetupCommit = orEmpty(environmentSetupCommit);
    }

    /**
     * What is wrong with {@code id} as an instance id, or empty when it is a safe name. Instance ids become file and
     * directory names (run directories, scripted sessions, report directories), so the one rule is that of a safe
     * file name: 1 to 200 of letters, digits and {@code . _ + -}, not starting with a dot (no {@code ..}, no
     * {@code /}, no control characters, never empty). Every place that turns an id into a path checks it here
     * ({@link #requireSafeInstanceId}).
     */
    public static java.util.Optional<String> instanceIdProblem(String id) {
        if (id == null || id.isEmpty()) return java.util.Optional.of("not a valid instance_id: it is empty");
        if (INSTANCE_ID.matcher(id).matches()) return java.util.Optional.empty();
        return java.util.Optional.of("not a valid instance_id (1 to 200 letters, digits and . _ + -, not starting with"
                + " '.'): " + JsonSnippet.of(com.fasterxml.jackson.databind.node.TextNode.valueOf(id)));
    }

    /**
     * {@code id} if it is a safe instance id ({@link #instanceIdProblem}).
     *
     * @throws IllegalArgumentException naming the bad id
     */
    public static String requireSafeInstanceId(String id) {
        instanceIdProblem(id).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return id;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A copy of this task with another environment. */
    public Task withEnvironment(EnvironmentSpec env) {
        return new Task(instanceId, repo, baseCommit, problemStatement, hintsText, createdAt, version, patch,
                testPatch, failToPass, passToPass, environmentSetupCommit, env);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Builder for the many optional fields. */
    public static final class Builder {
        private String instanceId, repo, baseCommit, problemStatement, hintsText, createdAt, version, patch,
                testPatch, environmentSetupCommit;
        private List<String> failToPass = List.of(), passToPass = List.of();
        private EnvironmentSpec environment;

        private Builder() {}

        public Builder instanceId(String v) { instanceId = v; return this; }
        public Builder repo(String v) { repo = v; return this; }
        public Builder baseCommit(String v) { baseCommit = v; return this; }
        public Builder problemStatement(String v) { problemStatement = v; return this; }
        public Builder hintsText(String v) { hintsText = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder version(String v) { version = v; return this; }
        public Builder patch(String v) { patch = v; return this; }
        public Builder testPatch(String v) { testPatch = v; return this; }
        public Builder failToPass(List<String> v) { failToPass = v; return this; }
        public Builder passToPass(List<String> v) { passToPass = v; return this; }
        public Builder environmentSetupCommit(String v) { environmentSetupCommit = v; return this; }
        public Builder environment(EnvironmentSpec v) { environment = v; return this; }

        public Task build() {
            return new Task(instanceId, repo, baseCommit, problemStatement, hintsText, createdAt, version, patch,
                    testPatch, failToPass, passToPass, environmentSetupCommit, environment);
        }
    }
}
