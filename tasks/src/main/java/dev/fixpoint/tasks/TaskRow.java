package dev.fixpoint.tasks;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.env.SpecFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

/** One row of a task file mapped to a {@link Task}, or the problems that stop it. Fields use SWE-bench's names. */
record TaskRow(Task task, List<TaskProblem> problems) {

    private static final ObjectMapper MAPPER = TasksJson.mapper();
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{4,40}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int SNIPPET = JsonSnippet.MAX;

    TaskRow {
        problems = List.copyOf(problems);
    }

    static TaskRow parse(JsonNode row, String source, int line) {
        Fields f = new Fields(source, line);
        if (row == null || !row.isObject()) {
            f.problem("row", "not a JSON object: " + snippet(row));
            return new TaskRow(null, f.problems);
        }
        String instanceId = f.required(row, "instance_id");
        if (instanceId != null) {
            Task.instanceIdProblem(instanceId).ifPresent(p -> f.problem("instance_id", p));
        }
        String repo = f.required(row, "repo");
        String baseCommit = f.required(row, "base_commit");
        if (baseCommit != null && !COMMIT.matcher(baseCommit).matches()) {
            f.problem("base_commit", "not a commit id (4 to 40 hex digits): " + quote(baseCommit));
        }
        Task.Builder b = Task.builder()
                .instanceId(instanceId)
                .repo(repo)
                .baseCommit(baseCommit == null ? null : baseCommit.toLowerCase(Locale.ROOT))
                .problemStatement(f.text(row, "problem_statement"))
                .hintsText(f.text(row, "hints_text"))
                .createdAt(f.text(row, "created_at"))
                .version(f.text(row, "version"))
                .patch(f.text(row, "patch"))
                .testPatch(f.text(row, "test_patch"))
                .failToPass(f.stringList(row, "FAIL_TO_PASS"))
                .passToPass(f.stringList(row, "PASS_TO_PASS"))
                .environmentSetupCommit(f.text(row, "environment_setup_commit"))
                .environment(environment(row.get("environment"), f));
        if (!f.problems.isEmpty()) {
            return new TaskRow(null, f.problems);
        }
        try {
            return new TaskRow(b.build(), List.of());
        } catch (IllegalArgumentException e) {
            f.problem("row", e.getMessage());
            return new TaskRow(null, f.problems);
        }
    }

    private static EnvironmentSpec environment(JsonNode env, Fields rowFields) {
        if (env == null || env.isNull()) {
            return null;
        }
        if (!env.isObject()) {
            rowFields.problem("environment", "not a JSON object: " + snippet(env));
            return null;
        }
        Fields f = rowFields.nested("environment.");
        String image = f.required(env, "image");
        String workdir = f.text(env, "workdir");
        List<String> setup = f.stringList(env, "setup_commands");
        String testCommand = f.required(env, "test_command");
        ResultFormat format = resultFormat(env, f);
        String reportsDir = f.text(env, "reports_dir");
        Duration timeout = timeout(env, f);
        Map<String, String> variables = variables(env, f);
        if (!f.problems.isEmpty()) {
            return null;
        }
        try {
            return new EnvironmentSpec(image, workdir, setup, testCommand, format, reportsDir.isEmpty() ? null : reportsDir,
                    timeout, variables);
        } catch (IllegalArgumentException | NullPointerException e) {
            rowFields.problem("environment", e.getMessage());
            return null;
        }
    }

    private static ResultFormat resultFormat(JsonNode env, Fields f) {
        String value = f.required(env, "result_format");
        if (value == null) {
            return null;
        }
        try {
            return ResultFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.problem("result_format", "not one of " + SpecFile.formatNames() + ": " + quote(value));
            return null;
        }
    }

    private static Duration timeout(JsonNode env, Fields f) {
        JsonNode value = env.get("test_timeout_seconds");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() <= 0) {
            f.problem("test_timeout_seconds", "not a positive whole number of seconds: " + snippet(value));
            return null;
        }
        return Duration.ofSeconds(value.asLong());
    }

    /** {@code environment.env}: variable names to string values (a JSON object, or one encoded as a string). */
    private static Map<String, String> variables(JsonNode env, Fields f) {
        JsonNode value = env.get("env");
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (value.isTextual()) {
            try {
                value = MAPPER.readTree(value.asText());
            } catch (JsonProcessingException e) {
                f.problem("env", "not a JSON object: " + snippet(value));
                return Map.of();
            }
        }
        if (!value.isObject()) {
            f.problem("env", "not an object of variable names to values: " + snippet(value));
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!VARIABLE.matcher(e.getKey()).matches()) {
                f.problem("env", "not a variable name: " + quote(e.getKey()));
            } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                f.problem("env", e.getKey() + " must be a string, not: " + snippet(e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    static String snippet(JsonNode value) {
        return JsonSnippet.of(value);
    }

    private static String quote(String value) {
        String shown = value.length() <= SNIPPET ? value : value.substring(0, SNIPPET) + "...";
        return '"' + shown + '"';
    }

    /** Reads typed fields of one JSON object, collecting a problem per bad field. */
    private static final class Fields {
        final String source;
        final int line;
        final String prefix;
        final List<TaskProblem> problems;

        Fields(String source, int line) {
            this(source, line, "", new ArrayList<>());
        }

        private Fields(String source, int line, String prefix, List<TaskProblem> problems) {
            this.source = source;
            this.line = line;
            this.prefix = prefix;
            this.problems = problems;
        }

        Fields nested(String nestedPrefix) {
            return new Fields(source, line, prefix + nestedPrefix, problems);
        }

        void problem(String field, String message) {
            problems.add(new TaskProblem(source, line, field.equals("row") ? field : prefix + field, message));
        }

        String required(JsonNode object, String field) {
            String value = text(object, field);
            if (value != null && value.isBlank()) {
                problem(field, "missing or blank");
                return null;
            }
            return value;
        }

        /** A string field; numbers and booleans are taken as their text (exports sometimes type "version" as 3.0). */
        String text(JsonNode object, String field) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                return "";
            }
            if (value.isTextual()) {
                return value.asText();
            }
            if (value.isNumber() || value.isBoolean()) {
                return value.asText();
            }
            problem(field, "not a string: " + snippet(value));
            return null;
        }

        /** A list of strings: a JSON array, or a string holding a JSON-encoded array (Hugging Face exports). */
        List<String> stringList(JsonNode object, String field) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            JsonNode list = value;
            if (value.isTextual()) {
                if (value.asText().isBlank()) {
                    return List.of();
                }
                try {
                    list = MAPPER.readTree(value.asText());
                } catch (JsonProcessingException e) {
                    list = null;
                }
            }
            if (list == null || !list.isArray()) {
                problem(field, "not a JSON list of strings: " + snippet(value));
                return List.of();
            }
            List<String> out = new ArrayList<>(list.size());
            for (JsonNode item : list) {
                if (!item.isTextual()) {
                    problem(field, "not a JSON list of strings: " + snippet(value));
                    return List.of();
                }
                out.add(item.asText());
            }
            return out;
        }
    }
}
