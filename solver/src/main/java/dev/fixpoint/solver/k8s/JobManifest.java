package dev.fixpoint.solver.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fixpoint.solver.SolverException;

import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes objects of a {@link ShardedJob}, as a multi-document YAML manifest for {@code kubectl apply -f}:
 * a ServiceAccount, a Role with what the pod sandboxes need (pods, pods/exec, pods/log, networkpolicies), its
 * RoleBinding, and the Indexed Job (batch/v1, completionMode Indexed) whose pod {@code k} runs shard {@code k+1}.
 * Built as plain JSON trees (no Kubernetes client model on the classpath), written with Jackson YAML.
 */
public final class JobManifest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.SPLIT_LINES).build();
    private static final String RUN_LABEL = "dev.fixpoint.job";

    private JobManifest() {}

    /** The objects in apply order: ServiceAccount, Role, RoleBinding, Job. */
    public static List<ObjectNode> objects(ShardedJob job) {
        return List.of(serviceAccount(job), role(job), roleBinding(job), job(job));
    }

    /** The manifest: a comment saying how the pods run, then one YAML document per object. */
    public static String yaml(ShardedJob job) {
        StringBuilder out = new StringBuilder();
        out.append("# fixpoint batch as an Indexed Job: ").append(job.shards()).append(" shards, ").append(job.parallelism())
                .append(" at a time; pod k runs `fixpoint batch --shard k+1/").append(job.shards()).append("` and writes ")
                .append(job.outRoot()).append("/shard-<k+1>-of-").append(job.shards()).append(" on claim ").append(job.volumeClaim()).append(".\n")
                .append("# The sandbox options each pod's batch runs with are a template: edit them in the Job's args below\n")
                .append("# (now: ").append(job.resolvedSandboxFlags()).append("). When every pod has succeeded:\n")
                .append("#   fixpoint merge ").append(job.outRoot()).append("/shard-*-of-").append(job.shards()).append(" --out ")
                .append(job.outRoot()).append("/merged\n")
                .append("# Before applying: every task's instance image must be in ").append(job.registry()).append(", pushed from a machine\n")
                .append("# with Docker (the pods have none), with the same task file, specs and mirrors as the pods read:\n")
                .append("#   fixpoint images push --tasks <the task file> --registry ").append(job.registry()).append('\n');
        for (ObjectNode o : objects(job)) {
            try {
                out.append(YAML.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new SolverException("cannot write the " + o.path("kind").asText() + " as YAML: " + e.getMessage(), e);
            }
        }
        return out.toString();
    }

    /** The shell line pod containers run: the shard from the Job's completion index, the run directory per shard. */
    static String podScript(ShardedJob job) {
        String shard = "$((JOB_COMPLETION_INDEX + 1))";
        List<String> words = new ArrayList<>(List.of("exec", quote(job.command()), "batch", "--shard", "\"" + shard + "/" + job.shards() + "\"",
                "--tasks", quote(job.tasksFile()), "--out", "\"" + job.outRoot() + "/shard-" + shard + "-of-" + job.shards() + "\""));
        words.add(job.resolvedSandboxFlags());
        job.batchArgs().forEach(a -> words.add(quote(a)));
        return String.join(" ", words);
    }

    /** {@code s} as one shell word (single-quoted unless plainly safe). */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+,-]+")) return s;
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    private static ObjectNode object(String apiVersion, String kind, ShardedJob job, String name) {
        ObjectNode o = F.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode meta = o.putObject("metadata").put("name", name).put("namespace", job.namespace());
        meta.putObject("labels").put("app.kubernetes.io/name", "fixpoint").put(RUN_LABEL, job.name());
        return o;
    }

    private static ObjectNode serviceAccount(ShardedJob job) {
        return object("v1", "ServiceAccount", job, job.serviceAccount());
    }

    private static ObjectNode role(ShardedJob job) {
        ObjectNode role = object("rbac.authorization.k8s.io/v1", "Role", job, job.serviceAccount());
        ArrayNode rules = role.putArray("rules");
        rule(rules, "", List.of("pods", "pods/exec", "pods/log"));
        rule(rules, "networking.k8s.io", List.of("networkpolicies"));
        return role;
    }

    private static void rule(ArrayNode rules, String apiGroup, List<String> resources) {
        ObjectNode r = rules.addObject();
        r.putArray("apiGroups").add(apiGroup);
        ArrayNode res = r.putArray("resources");
        resources.forEach(res::add);
        ArrayNode verbs = r.putArray("verbs");
        List.of("create", "get", "list", "delete", "watch").forEach(verbs::add);
    }

    private static ObjectNode roleBinding(ShardedJob job) {
        ObjectNode b = object("rbac.authorization.k8s.io/v1", "RoleBinding", job, job.serviceAccount());
        b.putObject("roleRef").put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Role").put("name", job.serviceAccount());
        b.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", job.serviceAccount()).put("namespace", job.namespace());
        return b;
    }

    private static ObjectNode job(ShardedJob job) {
        ObjectNode j = object("batch/v1", "Job", job, job.name());
        ObjectNode spec = j.putObject("spec").put("completionMode", "Indexed").put("completions", job.shards())
                .put("parallelism", job.parallelism());
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app.kubernetes.io/name", "fixpoint").put(RUN_LABEL, job.name());
        ObjectNode pod = template.putObject("spec").put("serviceAccountName", job.serviceAccount()).put("restartPolicy", "Never");
        ObjectNode c = pod.putArray("containers").addObject().put("name", "fixpoint").put("image", job.image());
        c.putArray("command").add("sh").add("-c");
        c.putArray("args").add(podScript(job));
        c.putArray("env").addObject().put("name", "FIXPOINT_CACHE").put("value", "/cache");
        if (job.secret() != null) c.putArray("envFrom").addObject().putObject("secretRef").put("name", job.secret());
        ArrayNode mounts = c.putArray("volumeMounts");
        mounts.addObject().put("name", "runs").put("mountPath", job.mountPath());
        mounts.addObject().put("name", "cache").put("mountPath", "/cache");
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "runs").putObject("persistentVolumeClaim").put("claimName", job.volumeClaim());
        volumes.addObject().put("name", "cache").putObject("emptyDir");
        return j;
    }
}
