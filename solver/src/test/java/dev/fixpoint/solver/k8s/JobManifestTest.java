package dev.fixpoint.solver.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fixpoint.solver.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fixpoint.tasks.testing.TextAssertions.assertContainsAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed manifest parsed back: the Indexed Job, its pods' batch line, the RBAC objects; and name validation. */
class JobManifestTest {

    static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    static List<JsonNode> parse(String yaml) throws Exception {
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            return it.readAll();
        }
    }

    @Test
    void theCommandPrintsAnIndexedJobAndTheRbacItsPodsNeed() throws Exception {
        var r = Cli.run(dir.resolve("log"), Map.of(), Duration.ofMinutes(1), "k8s", "job", "--tasks", "/runs/tasks.jsonl", "--shards", "4",
                "--parallelism", "2", "--image", "127.0.0.1:5000/fixpoint/fixpoint:0.1.0", "--registry", "127.0.0.1:5000/fx", "--namespace", "swe", "--out-volume", "runs-claim",
                "--secret", "model-keys", "--", "--model", "openai:gpt-4.1", "--rollouts", "8", "--filter", "sympy|astropy");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().startsWith("# fixpoint batch as an Indexed Job"), r.stdout());
        assertTrue(r.stdout().contains("# The sandbox options each pod's batch runs with are a template"), r.stdout());
        assertTrue(r.stdout().contains("#   fixpoint images push --tasks <the task file> --registry 127.0.0.1:5000/fx\n"), r.stdout());
        List<JsonNode> docs = parse(r.stdout());
        assertEquals(List.of("ServiceAccount", "Role", "RoleBinding", "Job"), docs.stream().map(d -> d.get("kind").asText()).toList());
        docs.forEach(d -> assertEquals("swe", d.at("/metadata/namespace").asText(), d.get("kind").asText()));

        JsonNode role = docs.get(1);
        assertEquals("fixpoint-batch-runner", role.at("/metadata/name").asText());
        assertEquals("[\"pods\",\"pods/exec\",\"pods/log\"]", role.at("/rules/0/resources").toString());
        assertEquals("", role.at("/rules/0/apiGroups/0").asText());
        assertEquals("networking.k8s.io", role.at("/rules/1/apiGroups/0").asText());
        assertEquals("[\"networkpolicies\"]", role.at("/rules/1/resources").toString());
        for (JsonNode rule : role.get("rules")) assertEquals("[\"create\",\"get\",\"list\",\"delete\",\"watch\"]", rule.get("verbs").toString());
        JsonNode binding = docs.get(2);
        assertEquals("Role", binding.at("/roleRef/kind").asText());
        assertEquals("fixpoint-batch-runner", binding.at("/roleRef/name").asText());
        assertEquals("fixpoint-batch-runner", binding.at("/subjects/0/name").asText());
        assertEquals("swe", binding.at("/subjects/0/namespace").asText());

        JsonNode job = docs.get(3);
        assertEquals("batch/v1", job.get("apiVersion").asText());
        assertEquals("fixpoint-batch", job.at("/metadata/name").asText());
        assertEquals("Indexed", job.at("/spec/completionMode").asText());
        assertEquals(4, job.at("/spec/completions").asInt());
        assertEquals(2, job.at("/spec/parallelism").asInt());
        JsonNode pod = job.at("/spec/template/spec");
        assertEquals("fixpoint-batch-runner", pod.get("serviceAccountName").asText());
        assertEquals("Never", pod.get("restartPolicy").asText());
        JsonNode c = pod.at("/containers/0");
        assertEquals("127.0.0.1:5000/fixpoint/fixpoint:0.1.0", c.get("image").asText());
        assertEquals("[\"sh\",\"-c\"]", c.get("command").toString());
        assertEquals("exec fixpoint batch --shard \"$((JOB_COMPLETION_INDEX + 1))/4\" --tasks /runs/tasks.jsonl"
                        + " --out \"/runs/fixpoint-batch/shard-$((JOB_COMPLETION_INDEX + 1))-of-4\" --kubernetes --namespace swe"
                        + " --registry 127.0.0.1:5000/fx --prebuilt-images --model openai:gpt-4.1 --rollouts 8 --filter 'sympy|astropy'",
                c.at("/args/0").asText());
        assertEquals("model-keys", c.at("/envFrom/0/secretRef/name").asText());
        assertEquals("/runs", c.at("/volumeMounts/0/mountPath").asText());
        assertEquals("runs", c.at("/volumeMounts/0/name").asText());
        assertEquals("runs-claim", pod.at("/volumes/0/persistentVolumeClaim/claimName").asText());
        assertTrue(pod.at("/volumes/1/emptyDir").isObject(), "a per-pod mirror cache");
    }

    @Test
    void thePodScriptRunsShardIndexPlusOneInARealShell() throws Exception {
        ShardedJob job = job("fixpoint-batch", "default", "/runs/t.jsonl", List.of("--scripted", "/runs/it's here"));
        String script = JobManifest.podScript(job).replaceFirst("^exec fixpoint", "printf '%s\\\\n'");
        var env = new ProcessBuilder("sh", "-c", script);
        env.environment().put("JOB_COMPLETION_INDEX", "2");
        Process q = env.redirectErrorStream(true).start();
        String out = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor());
        assertEquals(List.of("batch", "--shard", "3/3", "--tasks", "/runs/t.jsonl", "--out", "/runs/fixpoint-batch/shard-3-of-3",
                "--kubernetes", "--namespace", "default", "--registry", "reg.example.com/swe", "--prebuilt-images", "--scripted",
                "/runs/it's here"), out.lines().toList());
    }

    @Test
    void badNamesAndValuesAreAllListedWithTheOption() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ShardedJob("Fixpoint_Batch", "-ns", "Bad Image", "http://reg", "tasks.jsonl", 0, 3,
                "Claim", "/runs", "/runs/x", "fixpoint", null, List.of(), null));
        String m = e.getMessage();
        assertContainsAll(m, "--name 'Fixpoint_Batch' is not a valid Kubernetes name (DNS-1123 label",
                "--namespace '-ns' is not a valid Kubernetes name", "--image 'Bad Image' is not an image reference",
                "--registry 'http://reg' is not HOST[:PORT][/PREFIX]",
                "--tasks 'tasks.jsonl' must be an absolute path inside the pod", "--shards must be at least 1, not 0",
                "--out-volume 'Claim' is not a valid PersistentVolumeClaim name",
                "--parallelism must be between 1 and --shards (0), not 3");
        String longName = "a".repeat(57);
        var tooLong = assertThrows(IllegalArgumentException.class, () -> job(longName, "default", "/t", List.of()));
        assertTrue(tooLong.getMessage().contains("at most 56 characters"), tooLong.getMessage());
        job("a".repeat(56), "default", "/t", List.of());
    }

    @Test
    void theCommandRefusesBadNamesWithExitTwoAndPrintsNoManifest() throws Exception {
        var r = Cli.run(dir.resolve("log"), Map.of(), Duration.ofMinutes(1), "k8s", "job", "--tasks", "/runs/t.jsonl", "--shards", "2",
                "--image", "fixpoint/fixpoint:0.1.0", "--registry", "127.0.0.1:5000/fx", "--name", "My.Job");
        assertEquals(2, r.exit());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("fixpoint k8s job: --name 'My.Job' is not a valid Kubernetes name"), r.stderr());
    }

    @Test
    void withoutARegistryTheCommandSaysWhereTheInstanceImagesMustBe() throws Exception {
        var r = Cli.run(dir.resolve("log"), Map.of(), Duration.ofMinutes(1), "k8s", "job", "--tasks", "/runs/t.jsonl", "--shards", "2",
                "--image", "fixpoint/fixpoint:0.1.0");
        assertEquals(2, r.exit());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("Missing required option: '--registry=HOST/PREFIX'"), r.stderr());
    }

    static ShardedJob job(String name, String ns, String tasks, List<String> extra) {
        return new ShardedJob(name, ns, "fixpoint/fixpoint:0.1.0", "reg.example.com/swe", tasks, 3, 3, "fixpoint-runs", "/runs", "/runs/" + name, "fixpoint",
                null, extra, null);
    }
}
