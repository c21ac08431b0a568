package dev.fixpoint.solver.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.models.testing.OpenAiStub;
import dev.fixpoint.solver.testing.Cli;
import dev.fixpoint.solver.testing.Samples;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key never reaches an output: a model server on loopback that echoes the key (raw and in base64) in its error
 * bodies, and a scripted session that writes the key (raw and in base64) into a file of the repository. Every file
 * under both run directories (the HTML report's gzip+base64 blobs decompressed), stdout and stderr are searched: the
 * key is found 0 times. Real sandboxes on the Python sample.
 */
@Tag("docker")
@Tag("hostile-secrets")
class SecretsDockerTest {

    static final String TASK = "fixpoint-samples__verspec-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern BLOB = Pattern.compile("<script type=\"application/x-fixpoint-gzip-base64\" id=\"[^\"]+\">([^<]*)</script>");

    @TempDir
    Path dir;

    final String key = "sk-hostile-" + UUID.randomUUID().toString().replace("-", "");
    final String keyBase64 = Base64.getEncoder().encodeToString(("token=" + key).getBytes(StandardCharsets.UTF_8));
    final List<String> outputs = new ArrayList<>();

    Map<String, String> env() {
        return Map.of("OPENAI_API_KEY", key, "FIXPOINT_CONFIG", "");
    }

    String[] batch(Path out, String... model) throws Exception {
        Path config = Files.writeString(dir.resolve("fixpoint.yaml"), "test_writers: 0\njudge: false\n");
        List<String> args = new ArrayList<>(List.of("batch", "--tasks", Samples.TASKS.toString(), "--mirrors", Samples.MIRRORS.toString(),
                "--filter", "verspec", "--rollouts", "1", "--workers", "1", "--cache-dir", dir.resolve("cache").toString(),
                "--out", out.toString(), "--run-id", "t-secrets", "--config", config.toString()));
        args.addAll(List.of(model));
        return args.toArray(String[]::new);
    }

    Cli.Run run(String name, String... args) throws Exception {
        Cli.Run r = Cli.run(dir.resolve("log-" + name), env(), Duration.ofMinutes(8), args);
        outputs.add(name + " stdout:\n" + r.stdout());
        outputs.add(name + " stderr:\n" + r.stderr());
        return r;
    }

    /** A scripted session that writes the key into a file, raw and in base64, and submits. */
    Path leakingScripts() throws Exception {
        ObjectNode script = JSON.createObjectNode().put("model", "scripted:leak");
        ArrayNode responses = script.putArray("responses");
        ObjectNode write = responses.addObject().put("text", "Saving the configuration.");
        write.putArray("tool_calls").addObject().put("name", "edit").putObject("arguments").put("command", "create")
                .put("path", "settings.txt").put("file_text", "api_key = " + key + "\nencoded = " + keyBase64 + "\n");
        write.putObject("usage").put("input", 100).put("output", 10);
        ObjectNode submit = responses.addObject().put("text", "Done.");
        submit.putArray("tool_calls").addObject().put("name", "submit").putObject("arguments").put("summary", "wrote " + key);
        submit.putObject("usage").put("input", 100).put("output", 10);
        Path scripts = dir.resolve("scripts/" + TASK);
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("rollout-1.json"), JSON.writeValueAsString(script));
        return dir.resolve("scripts");
    }

    @Test
    void theKeyIsInNoFileAndNoLog() throws Exception {
        Path modelRun = dir.resolve("model-run");
        try (OpenAiStub stub = new OpenAiStub()) {
            stub.reply(200, OpenAiStub.text("OK")).otherwise(401,
                    OpenAiStub.error("Incorrect API key provided: " + key + " (" + keyBase64 + ")"));
            Cli.Run r = run("model", batch(modelRun, "--model", "openai-compatible:stub-model", "--base-url", stub.baseUrl()));
            assertEquals(ExitCodes.MODEL_FAILED, r.exit(), r.stderr() + r.stdout());
        }
        Path scriptedRun = dir.resolve("scripted-run");
        Cli.Run s = run("scripted", batch(scriptedRun, "--scripted", leakingScripts().toString()));
        assertEquals(ExitCodes.OK, s.exit(), s.stderr() + s.stdout());
        String patch = Files.readString(scriptedRun.resolve("tasks/" + TASK + "/patch.diff"));
        assertTrue(patch.contains("settings.txt") && patch.contains("[REDACTED]"), "the patch is there, its key masked: " + patch);
        assertTrue(Files.readString(scriptedRun.resolve("predictions.jsonl")).contains("[REDACTED]"));
        for (Path run : List.of(modelRun, scriptedRun)) {
            Cli.Run page = run("report-" + run.getFileName(), "report", run.toString());
            assertEquals(0, page.exit(), page.stderr());
        }

        List<String> found = new ArrayList<>();
        int files = 0;
        int blobs = 0;
        for (Path run : List.of(modelRun, scriptedRun)) {
            try (Stream<Path> walk = Files.walk(run)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                    List<String> texts = new ArrayList<>(List.of(text));
                    Matcher m = BLOB.matcher(text);
                    while (m.find()) {
                        blobs++;
                        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))))) {
                            texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                    for (String t : texts) {
                        if (t.contains(key) || t.contains(keyBase64)) found.add(f.toString());
                    }
                }
            }
        }
        for (String o : outputs) {
            if (o.contains(key) || o.contains(keyBase64)) found.add(o.lines().findFirst().orElse(o));
        }
        assertTrue(files > 10 && blobs >= 2, files + " files, " + blobs + " blobs searched");
        assertEquals(List.of(), found, "the key (raw or base64) is in no output");
        assertTrue(outputs.stream().anyMatch(o -> o.contains("[REDACTED]")), "the error that echoed the key is still shown, masked");
    }
}
