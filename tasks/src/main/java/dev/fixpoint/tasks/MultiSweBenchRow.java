package dev.fixpoint.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Multi-SWE-bench task row read as a SWE-bench one. Its fields: {@code org}, {@code repo}, {@code number} (the pull
 * request), {@code base: {label, ref, sha}}, {@code resolved_issues: [{number, title, body}]}, {@code title},
 * {@code body}, {@code fix_patch}, {@code test_patch}, and test maps keyed by test name: {@code f2p_tests},
 * {@code s2p_tests} (skipped before), {@code n2p_tests} (no result before), {@code p2p_tests}, {@code fixed_tests}.
 * Mapped: instance id {@code org__repo-number} (its harness's id; a row's own {@code instance_id} wins), repo
 * {@code org/repo}, base commit {@code base.sha}, problem statement the resolved issues' titles and bodies (else the
 * pull request's), patch {@code fix_patch}; FAIL_TO_PASS the names of f2p, s2p and n2p tests (its harness requires
 * each of them to pass), PASS_TO_PASS those of p2p tests. Problems name Multi-SWE-bench's fields.
 */
final class MultiSweBenchRow {

    private static final ObjectMapper MAPPER = TasksJson.mapper();
    private static final Map<String, String> FIELD_NAMES = Map.of("base_commit", "base.sha", "patch", "fix_patch",
            "FAIL_TO_PASS", "f2p_tests", "PASS_TO_PASS", "p2p_tests");

    private MultiSweBenchRow() {}

    /** Whether {@code row} is a Multi-SWE-bench row: {@code org} and {@code number}, and no {@code base_commit}. */
    static boolean matches(JsonNode row) {
        return row != null && row.isObject() && row.has("org") && row.has("number") && !row.has("base_commit");
    }

    static TaskRow parse(JsonNode row, String source, int line) {
        List<TaskProblem> problems = new ArrayList<>();
        String org = text(row, "org");
        String repo = text(row, "repo");
        String number = text(row, "number");
        String sha = text(row.path("base"), "sha");
        for (String[] f : new String[][] {{"org", org}, {"repo", repo}, {"number", number}, {"base.sha", sha}}) {
            if (f[1] == null || f[1].isBlank()) problems.add(new TaskProblem(source, line, f[0], "missing or blank"));
        }
        if (number != null && !number.matches("\\d+")) {
            problems.add(new TaskProblem(source, line, "number", "not a pull request number: " + JsonSnippet.of(row.get("number"))));
        }
        if (!problems.isEmpty()) return new TaskRow(null, problems);
        ObjectNode swe = MAPPER.createObjectNode();
        String ownId = text(row, "instance_id");
        swe.put("instance_id", ownId != null && !ownId.isBlank() ? ownId : org + "__" + repo + "-" + number);
        swe.put("repo", org + "/" + repo);
        swe.put("base_commit", sha);
        swe.put("problem_statement", problemStatement(row));
        swe.set("patch", row.get("fix_patch"));
        swe.set("test_patch", row.get("test_patch"));
        swe.set("FAIL_TO_PASS", names(row, problems, source, line, "f2p_tests", "s2p_tests", "n2p_tests"));
        swe.set("PASS_TO_PASS", names(row, problems, source, line, "p2p_tests"));
        if (row.has("created_at")) swe.set("created_at", row.get("created_at"));
        if (row.has("version")) swe.set("version", row.get("version"));
        if (row.has("environment")) swe.set("environment", row.get("environment"));
        if (!problems.isEmpty()) return new TaskRow(null, problems);
        TaskRow parsed = TaskRow.parse(swe, source, line);
        return parsed.problems().isEmpty() ? parsed : new TaskRow(null, parsed.problems().stream()
                .map(p -> new TaskProblem(p.source(), p.line(), FIELD_NAMES.getOrDefault(p.field(), p.field()),
                        p.message())).toList());
    }

    /** The resolved issues' titles and bodies, else the pull request's title and body. */
    private static String problemStatement(JsonNode row) {
        List<String> parts = new ArrayList<>();
        for (JsonNode issue : row.path("resolved_issues")) {
            String title = text(issue, "title");
            String body = text(issue, "body");
            parts.add(((title == null ? "" : title) + "\n" + (body == null ? "" : body)).strip());
        }
        if (parts.stream().allMatch(String::isBlank)) {
            String title = text(row, "title");
            String body = text(row, "body");
            return ((title == null ? "" : title) + "\n" + (body == null ? "" : body)).strip();
        }
        return String.join("\n\n", parts);
    }

    /** Test names of the given maps (name -> results), or lists of names, in order, each once. */
    private static ArrayNode names(JsonNode row, List<TaskProblem> problems, String source, int line, String... fields) {
        Set<String> names = new LinkedHashSet<>();
        for (String field : fields) {
            JsonNode tests = row.get(field);
            if (tests == null || tests.isNull()) continue;
            if (tests.isObject()) {
                tests.fieldNames().forEachRemaining(names::add);
            } else if (tests.isArray() && java.util.stream.StreamSupport.stream(tests.spliterator(), false)
                    .allMatch(JsonNode::isTextual)) {
                tests.forEach(t -> names.add(t.asText()));
            } else {
                problems.add(new TaskProblem(source, line, field, "not a map of test names to results: "
                        + JsonSnippet.of(tests)));
            }
        }
        ArrayNode out = MAPPER.createArrayNode();
        names.forEach(out::add);
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
