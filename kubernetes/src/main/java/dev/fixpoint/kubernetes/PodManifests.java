package dev.fixpoint.kubernetes;

import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.RunnerScript;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects a pod sandbox is made of: the pod (keeper as main process, every bound of {@link Limits} that
 * Kubernetes can express) and, unless the spec asks for network, a NetworkPolicy denying all egress and ingress
 * of exactly that pod. Label values Kubernetes would refuse are made valid; the exact values go into annotations.
 */
final class PodManifests {

    static final String CONTAINER = "sandbox";
    /** Label selecting one sandbox's pod (its own NetworkPolicy uses it). */
    static final String SANDBOX_LABEL = "dev.fixpoint.sandbox";
    /** Capabilities kept, as for Docker containers (package managers, build tools and test suites as root). */
    static final List<String> CAPABILITIES = List.of("CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "SETUID",
            "SETGID", "KILL", "NET_BIND_SERVICE");
    private static final Pattern INVALID_VALUE_CHARS = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern USER = Pattern.compile("(\\d+)(?::(\\d+))?");

    private PodManifests() {}

    /** The pod of {@code spec}, named {@code name}, labelled with {@code ownLabels} then the spec's labels. */
    static Pod pod(String name, SandboxSpec spec, Map<String, String> ownLabels) {
        Map<String, String> exact = labels(name, spec, ownLabels);
        Limits l = spec.limits();
        Map<String, Quantity> bounds = Map.of(
                "memory", new Quantity(Long.toString(l.memoryBytes())),
                "cpu", new Quantity(Math.max(1, Math.round(l.cpus() * 1000)) + "m"),
                "ephemeral-storage", new Quantity(Long.toString(l.diskBytes())));
        List<EnvVar> env = new ArrayList<>();
        spec.env().forEach((k, v) -> env.add(new EnvVar(k, v, null)));
        long lifetime = Math.max(1, (l.lifetime().toMillis() + 999) / 1000);
        PodBuilder b = new PodBuilder()
                .withNewMetadata().withName(name).withLabels(labelValues(exact)).withAnnotations(exact).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withActiveDeadlineSeconds(lifetime)
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(0L)
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(spec.image())
                .withImagePullPolicy("IfNotPresent")
                .withCommand(RunnerScript.keeperCommand(l))
                .withWorkingDir(spec.workdir())
                .withEnv(env)
                .withStdin(false).withTty(false)
                .withNewResources().withRequests(bounds).withLimits(bounds).endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").withAdd(CAPABILITIES).endCapabilities()
                .endSecurityContext()
                .endContainer()
                .endSpec();
        if (!spec.user().isEmpty()) {
            Matcher m = USER.matcher(spec.user());
            if (!m.matches()) {
                throw new SandboxException("sandbox user " + spec.user() + ": Kubernetes needs a numeric uid or"
                        + " uid:gid (a pod cannot run as a user name); give the image's uid instead");
            }
            b.editSpec().editFirstContainer().editSecurityContext()
                    .withRunAsUser(Long.parseLong(m.group(1)))
                    .withRunAsGroup(m.group(2) == null ? null : Long.parseLong(m.group(2)))
                    .endSecurityContext().endContainer().endSpec();
        }
        return b.build();
    }

    /** Denies all egress and ingress of the pod {@code name}: network off, as with Docker's "none". */
    static NetworkPolicy denyAll(String name, Map<String, String> podLabels) {
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(name).withLabels(podLabels).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels(SANDBOX_LABEL, name).endPodSelector()
                .withPolicyTypes("Egress", "Ingress")
                .endSpec()
                .build();
    }

    /** Exact label values of a pod: own labels, the spec's, managed, owner and the sandbox name. */
    static Map<String, String> labels(String name, SandboxSpec spec, Map<String, String> ownLabels) {
        Map<String, String> exact = new LinkedHashMap<>(ownLabels);
        exact.putAll(spec.labels());
        exact.put(SandboxLabels.MANAGED, "true");
        exact.put(SandboxLabels.OWNER, ownLabels.get(SandboxLabels.OWNER));
        exact.put(SANDBOX_LABEL, name);
        return exact;
    }

    /** Label values Kubernetes accepts (at most 63 of [A-Za-z0-9_.-], alphanumeric at both ends). */
    static Map<String, String> labelValues(Map<String, String> exact) {
        Map<String, String> out = new LinkedHashMap<>();
        exact.forEach((k, v) -> out.put(k, labelValue(v)));
        return out;
    }

    static String labelValue(String v) {
        String s = INVALID_VALUE_CHARS.matcher(v).replaceAll("_");
        if (s.length() > 63) s = s.substring(0, 63);
        s = s.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
        return s;
    }
}
