package dev.fixpoint.harness.predictions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.harness.Json;
import dev.fixpoint.tasks.Utf8Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads predictions from SWE-bench files: JSONL (one object per line), a JSON array, or a JSON object keyed by
 * instance id. Rows are SWE-bench's ({@code instance_id}, {@code model_name_or_path}, {@code model_patch}) or
 * Multi-SWE-bench's ({@code org}, {@code repo}, {@code number}, {@code fix_patch}; instance id
 * {@code org__repo-number}). A bad row becomes a {@link PredictionProblem}; loading never throws for bad content,
 * only when the file itself cannot be read.
 */
public final class PredictionLoader {

    private static final Logger log = LoggerFactory.getLogger(PredictionLoader.class);

    private PredictionLoader() {}

    /** Reads a predictions file; the format is told by content (a leading '[' or a single object) and extension. */
    public static PredictionSet load(Path file) throws IOException {
        Utf8Text text = Utf8Text.read(file);
        if (!text.hasBadLines()) return parse(file.toString(), text.text());
        PredictionSet read = parse(file.toString(), text.text(), text);
        List<PredictionProblem> problems = new ArrayList<>();
        text.problems().forEach(p -> problems.add(new PredictionProblem(file.toString(), p.getKey(), "", p.getValue())));
        problems.addAll(read.problems());
        problems.sort(java.util.Comparator.comparingInt(PredictionProblem::row));
        return new PredictionSet(read.predictions(), problems);
    }

    /** Parses predictions text; {@code name} is used in problem messages. */
    public static PredictionSet parse(String name, String text) {
        return parse(name, text, null);
    }

    /**
     * {@code decoded}: the file's decoding when some line was not UTF-8 (a JSONL row on such a line is skipped; in a
     * JSON document, a row holding a replaced byte), else null.
     */
    private static PredictionSet parse(String name, String text, Utf8Text decoded) {
        Map<String, Prediction> out = new LinkedHashMap<>();
        List<PredictionProblem> problems = new ArrayList<>();
        String trimmed = text.strip();
        if (trimmed.startsWith("[") || (trimmed.startsWith("{") && !looksLikeJsonl(trimmed))) {
            JsonNode root;
            try {
                root = Json.mapper().readTree(trimmed);
            } catch (JsonProcessingException e) {
                problems.add(new PredictionProblem(name, 0, "", "not valid JSON: " + e.getOriginalMessage()));
                return new PredictionSet(out, problems);
            }
            if (root.isArray()) {
                for (int i = 0; i < root.size(); i++) add(name, i + 1, root.get(i), null, out, problems);
            } else if (root.isObject() && !isRow(root)) {
                int i = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    add(name, ++i, e.getValue(), e.getKey(), out, problems);
                }
            } else {
                add(name, 1, root, null, out, problems);
            }
            if (decoded != null) dropReplaced(name, out, problems);
            return new PredictionSet(out, problems);
        }
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || decoded != null && decoded.problem(i + 1).isPresent()) continue;
            try {
                add(name, i + 1, Json.mapper().readTree(lines[i]), null, out, problems);
            } catch (JsonProcessingException e) {
                problems.add(new PredictionProblem(name, i + 1, "", "not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return new PredictionSet(out, problems);
    }

    /** In a JSON document with bytes that were not UTF-8, the rows holding a replaced byte are problems, not predictions. */
    private static void dropReplaced(String name, Map<String, Prediction> out, List<PredictionProblem> problems) {
        out.values().removeIf(p -> {
            boolean replaced = p.instanceId().indexOf('\uFFFD') >= 0 || p.modelNameOrPath().indexOf('\uFFFD') >= 0
                    || p.modelPatch() != null && p.modelPatch().indexOf('\uFFFD') >= 0;
            if (replaced) problems.add(new PredictionProblem(name, 0, p.instanceId(), "holds bytes that are not valid UTF-8"));
            return replaced;
        });
    }

    private static boolean looksLikeJsonl(String trimmed) {
        // Several top-level objects, one per line: "}\n{" somewhere.
        return trimmed.matches("(?s).*}\\s*\\r?\\n\\s*\\{.*");
    }

    private static boolean isRow(JsonNode node) {
        return node.has("instance_id") || node.has("model_patch") || node.has("fix_patch");
    }

    private static void add(String file, int row, JsonNode node, String key, Map<String, Prediction> out,
                            List<PredictionProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new PredictionProblem(file, row, key, "a prediction must be a JSON object"));
            return;
        }
        String id = text(node, "instance_id");
        String patchField = "model_patch";
        if (id == null && node.has("org") && node.has("repo") && node.has("number")) {
            id = text(node, "org") + "__" + text(node, "repo") + "-" + node.get("number").asText();
        }
        if (id == null) id = key;
        if (!node.has("model_patch") && node.has("fix_patch")) patchField = "fix_patch";
        if (id == null || id.isBlank()) {
            problems.add(new PredictionProblem(file, row, "",
                    "missing instance_id (or org, repo and number for Multi-SWE-bench rows)"));
            return;
        }
        JsonNode patch = node.get(patchField);
        if (patch == null) {
            problems.add(new PredictionProblem(file, row, id, "missing model_patch (or fix_patch)"));
            return;
        }
        if (!patch.isNull() && !patch.isTextual()) {
            problems.add(new PredictionProblem(file, row, id, patchField + " must be a string or null, not "
                    + patch.getNodeType().toString().toLowerCase()));
            return;
        }
        String model = text(node, "model_name_or_path");
        Prediction p;
        try {
            p = new Prediction(id, model, patch.isNull() ? null : patch.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new PredictionProblem(file, row, id, e.getMessage()));
            return;
        }
        if (out.put(id, p) != null) {
            log.warn("{}:{}: a second prediction for {} replaces the first", file, row, id);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
