package dev.fixpoint.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.ImageUnavailableException;
import dev.fixpoint.sandbox.Limits;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxSpec;
import dev.fixpoint.sandbox.runner.OwnerId;
import dev.fixpoint.sandbox.testing.OwnerIds;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes provider's own logic against the fabric8 mock API server (CRUD) with the scripted fake runner
 * ({@link ScriptedNode}): the pod and NetworkPolicy objects it creates, label handling, delete on close, prune
 * rules. Exec here proves the websocket framing and marker parsing only; commands run for real in
 * {@link KubernetesProviderContractTest}.
 */
class KubernetesProviderTest {

    static final Duration T = Duration.ofSeconds(30);
    static final Limits LIMITS = new Limits(96L << 20, 0.5, 64, 4096, Duration.ofMinutes(7), 300L << 20);

    MockCluster cluster;
    ScriptedNode node;
    KubernetesClient client;

    @BeforeEach
    void up() {
        node = new ScriptedNode();
        cluster = new MockCluster(node);
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(cluster.url())
                .withNamespace("fixpoint-test").build()).build();
    }

    @AfterEach
    void down() {
        client.close();
        cluster.close();
    }

    @Test
    void podCarriesTheSpecLimitsLabelsDeadlineAndADenyAllPolicy() {
        String task = "org/repo#" + "x".repeat(80);
        try (KubernetesSandboxProvider k8s = cluster.provider().runId("run:1").build();
             Sandbox box = k8s.start(SandboxSpec.builder("registry.test/fixpoint/python:1").workdir("/testbed")
                     .env("A", "1").limits(LIMITS).label(SandboxLabels.TASK, task)
                     .label(SandboxLabels.ROLLOUT, "3").build())) {
            Pod pod = client.pods().withName(box.id()).get();
            Map<String, String> labels = pod.getMetadata().getLabels();
            assertEquals("run_1", labels.get(SandboxLabels.RUN));
            assertEquals("3", labels.get(SandboxLabels.ROLLOUT));
            assertEquals("true", labels.get(SandboxLabels.MANAGED));
            assertEquals(63, labels.get(SandboxLabels.TASK).length());
            assertTrue(labels.get(SandboxLabels.TASK).startsWith("org_repo_xxx"), labels.toString());
            Map<String, String> notes = pod.getMetadata().getAnnotations();
            assertEquals(task, notes.get(SandboxLabels.TASK));
            assertEquals("run:1", notes.get(SandboxLabels.RUN));
            assertEquals(OwnerId.current().toString(), notes.get(SandboxLabels.OWNER));
            assertEquals("Never", pod.getSpec().getRestartPolicy());
            assertEquals(420L, pod.getSpec().getActiveDeadlineSeconds());
            assertFalse(pod.getSpec().getAutomountServiceAccountToken());
            Container c = pod.getSpec().getContainers().get(0);
            assertEquals("registry.test/fixpoint/python:1", c.getImage());
            assertEquals("/testbed", c.getWorkingDir());
            assertEquals("A", c.getEnv().get(0).getName());
            assertEquals(List.of("sh", "-c"), c.getCommand().subList(0, 2));
            assertEquals("420", c.getCommand().get(c.getCommand().size() - 1), "keeper's lifetime in seconds");
            for (Map<String, io.fabric8.kubernetes.api.model.Quantity> q
                    : List.of(c.getResources().getLimits(), c.getResources().getRequests())) {
                assertEquals(96L << 20, q.get("memory").getNumericalAmount().longValue());
                assertEquals("0.500", q.get("cpu").getNumericalAmount().toPlainString());
                assertEquals(300L << 20, q.get("ephemeral-storage").getNumericalAmount().longValue());
            }
            assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());

            NetworkPolicy np = client.network().v1().networkPolicies().withName(box.id()).get();
            assertNotNull(np, "network off: a deny-all policy for the pod");
            assertEquals(Map.of(PodManifests.SANDBOX_LABEL, box.id()), np.getSpec().getPodSelector().getMatchLabels());
            assertEquals(box.id(), labels.get(PodManifests.SANDBOX_LABEL));
            assertEquals(List.of("Egress", "Ingress"), np.getSpec().getPolicyTypes());
            assertTrue(np.getSpec().getEgress().isEmpty() && np.getSpec().getIngress().isEmpty(), "no rule allows");
        }
    }

    @Test
    void networkOnHasNoPolicyAndCloseDeletesPodAndPolicy() {
        try (KubernetesSandboxProvider k8s = cluster.provider().build()) {
            Sandbox open = k8s.start(SandboxSpec.builder("img:1").network(true).build());
            assertNull(client.network().v1().networkPolicies().withName(open.id()).get());
            Sandbox off = k8s.start(SandboxSpec.builder("img:1").build());
            assertNotNull(client.network().v1().networkPolicies().withName(off.id()).get());
            off.close();
            assertNull(client.pods().withName(off.id()).get());
            assertNull(client.network().v1().networkPolicies().withName(off.id()).get());
            assertThrows(SandboxException.class, () -> off.exec("echo x", T));
            assertNotNull(client.pods().withName(open.id()).get());
        }
        assertEquals(List.of(), client.pods().list().getItems(), "closing the provider deletes its open pods");
    }

    @Test
    void aPodWhoseImageCannotBePulledFailsAtOnceNamingTheImageAndIsDeleted() {
        String image = "127.0.0.1:5000/fx/fixpoint/instance:gone-1";
        cluster.kubelet().cannotPull(image);
        try (KubernetesSandboxProvider k8s = cluster.provider().build()) {
            long t0 = System.nanoTime();
            var e = assertThrows(ImageUnavailableException.class, () -> k8s.start(SandboxSpec.builder(image).build()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 30_000, "failed at the pull error, not after the start timeout: " + ms + " ms");
            assertEquals(image, e.image());
            assertTrue(e.getMessage().matches("fixpoint-[0-9a-f]{12}: pod of \\Q" + image + "\\E cannot start: the node cannot pull its image: "
                    + "ErrImagePull failed to pull and unpack image \"\\Q" + image + "\\E\": not found"), e.getMessage());
            assertEquals(List.of(), client.pods().list().getItems(), "the pod is deleted");
            assertEquals(List.of(), client.network().v1().networkPolicies().list().getItems(), "and its policy");
            k8s.start(SandboxSpec.builder("img:1").build()).close();
        }
    }

    @Test
    void execGoesThroughTheExecWebsocketWithTheRunnerProtocol() {
        try (KubernetesSandboxProvider k8s = cluster.provider().build();
             Sandbox box = k8s.start(SandboxSpec.builder("img:1").limits(LIMITS).build())) {
            assertEquals("hello there\n", box.exec("echo hello there", T).stdout());
            byte[] data = new byte[100_000];
            for (int i = 0; i < data.length; i++) data[i] = (byte) ('a' + i % 26);
            ExecResult cat = box.exec(ExecRequest.of("cat", T).withStdin(data));
            assertTrue(cat.truncated(), "4 KiB output cap");
            assertEquals(new String(data, 0, 4096, StandardCharsets.UTF_8), cat.stdout());
            ExecResult other = box.exec("ls /", T);
            assertEquals(127, other.exitCode());
            assertEquals(1, node.execs().get(box.id()), "one runner exec carries every command");
        }
    }

    @Test
    void aRunStartedTwiceNeverDeletesTheOtherInvocationsPods() throws Exception {
        String dead = OwnerIds.ofExitedProcess();
        leftover("left-1", "run-a", dead);
        leftover("other-run", "run-b", dead);
        try (KubernetesSandboxProvider first = cluster.provider().runId("run-a").build();
             KubernetesSandboxProvider second = cluster.provider().runId("run-a").build()) {
            Sandbox live = first.start(SandboxSpec.builder("img:1").build());
            assertEquals(1, second.pruneLeftovers(), "only the dead invocation's pod of this run");
            assertNull(client.pods().withName("left-1").get());
            assertNotNull(client.pods().withName("other-run").get(), "another run's leftovers are not ours");
            assertEquals("still\n", live.exec("echo still", T).stdout());
            assertEquals(List.of(live.id()), second.pods(Map.of(SandboxLabels.RUN, "run-a")));
            assertEquals(1, second.prune(false), "prune without a run takes every dead owner's pod");
            assertNull(client.pods().withName("other-run").get());
        }
    }

    @Test
    void aUserNameIsRefusedWithTheFix() {
        try (KubernetesSandboxProvider k8s = cluster.provider().build()) {
            SandboxException e = assertThrows(SandboxException.class,
                    () -> k8s.start(SandboxSpec.builder("img:1").user("alice").build()));
            assertTrue(e.getMessage().contains("alice") && e.getMessage().contains("numeric uid"), e.getMessage());
            Sandbox box = k8s.start(SandboxSpec.builder("img:1").user("1000:1000").build());
            assertEquals(1000L, client.pods().withName(box.id()).get().getSpec().getContainers().get(0)
                    .getSecurityContext().getRunAsUser());
        }
    }

    private void leftover(String name, String run, String owner) {
        client.pods().resource(new PodBuilder().withNewMetadata().withName(name)
                .addToLabels(SandboxLabels.MANAGED, "true").addToLabels(SandboxLabels.RUN, run)
                .addToAnnotations(SandboxLabels.OWNER, owner).endMetadata()
                .withNewSpec().addNewContainer().withName("sandbox").withImage("img:1").endContainer().endSpec()
                .build()).create();
    }
}
