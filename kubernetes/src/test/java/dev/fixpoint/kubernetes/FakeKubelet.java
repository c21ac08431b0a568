package dev.fixpoint.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node side of the fabric8 mock API server, for tests: in front of its CRUD store (pods, NetworkPolicies), it
 * "runs" created pods (marks them Running and hands them to a {@link Node}) and answers the exec API's websocket
 * (channels 0 stdin, 1 stdout, 2 stderr, 3 status) with the node's processes. Everything else is the mock's CRUD.
 */
final class FakeKubelet extends Dispatcher {

    /** What runs pods: real Docker containers, or a scripted fake runner. */
    interface Node extends AutoCloseable {
        void start(Pod pod);

        /** Runs {@code command} in the pod's container; output and exit go to {@code channel}. */
        Process exec(String pod, List<String> command, Channel channel);

        void remove(String pod);

        @Override
        void close();
    }

    /** The client's end of one exec, as a process sees it. */
    interface Channel {
        void stdout(byte[] b, int len);

        void stderr(byte[] b, int len);

        void exit(int code);
    }

    /** One exec's process: stdin bytes from the client, or end of input; {@link #kill()} when the client left. */
    interface Process {
        void stdin(byte[] b, int off, int len);

        void endOfInput();

        void kill();
    }

    private static final Pattern CREATE = Pattern.compile("/api/v1/namespaces/[^/]+/pods(\\?.*)?");
    private static final Pattern ONE = Pattern.compile("/api/v1/namespaces/[^/]+/pods/([^/?]+)(\\?.*)?");
    private static final Pattern EXEC = Pattern.compile("/api/v1/namespaces/[^/]+/pods/([^/?]+)/exec\\?(.*)");
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final KubernetesMixedDispatcher store;
    private final Node node;
    private final Map<String, Pod> created = new ConcurrentHashMap<>();
    private final java.util.Set<String> unpullable = ConcurrentHashMap.newKeySet();

    FakeKubelet(KubernetesMixedDispatcher store, Node node) {
        this.store = store;
        this.node = node;
    }

    /** Makes pods of {@code image} wait in {@code ErrImagePull}, as a node does when the registry has no such image. */
    void cannotPull(String image) {
        unpullable.add(image);
    }

    /** Pods as the provider created them (before the fake kubelet set their status). */
    Map<String, Pod> created() {
        return created;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String method = request.getMethod();
        Matcher exec = EXEC.matcher(path);
        if (exec.matches()) return execResponse(exec.group(1), query(exec.group(2), "command"));
        if ("POST".equals(method) && CREATE.matcher(path).matches()) {
            Pod pod = JSON.unmarshal(request.getUtf8Body(), Pod.class);
            created.put(pod.getMetadata().getName(), pod);
            String image = pod.getSpec().getContainers().get(0).getImage();
            if (unpullable.contains(image)) {
                pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Pending")
                        .withContainerStatuses(new ContainerStatusBuilder().withName(PodManifests.CONTAINER).withReady(false)
                                .withState(new ContainerStateBuilder().withNewWaiting().withReason("ErrImagePull")
                                        .withMessage("failed to pull and unpack image \"" + image + "\": not found").endWaiting()
                                        .build()).build())
                        .build());
                return store.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), path,
                        request.getHeaders(), new Buffer(JSON.asJson(pod).getBytes(StandardCharsets.UTF_8))));
            }
            node.start(pod);
            pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                    .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
                    .withContainerStatuses(new ContainerStatusBuilder().withName(PodManifests.CONTAINER)
                            .withReady(true).withState(new ContainerStateBuilder().withNewRunning().endRunning()
                                    .build()).build())
                    .build());
            byte[] body = JSON.asJson(pod).getBytes(StandardCharsets.UTF_8);
            return store.dispatch(new RecordedRequest(request.getHttpVersion(), request.method(), path,
                    request.getHeaders(), new Buffer(body)));
        }
        Matcher one = ONE.matcher(path);
        if ("DELETE".equals(method) && one.matches()) node.remove(one.group(1));
        return store.dispatch(request);
    }

    @Override
    public void shutdown() {
        store.shutdown();
    }

    private MockResponse execResponse(String pod, List<String> command) {
        return new MockResponse().setResponseCode(101).withWebSocketUpgrade(new WebSocketListener() {
            private volatile Process process;

            @Override
            public void onOpen(WebSocket ws, Response response) {
                process = node.exec(pod, command, new Channel() {
                    @Override public void stdout(byte[] b, int len) { ws.send(framed(1, b, len)); }
                    @Override public void stderr(byte[] b, int len) { ws.send(framed(2, b, len)); }
                    @Override public void exit(int code) {
                        String status = code == 0 ? "{\"metadata\":{},\"status\":\"Success\"}"
                                : "{\"metadata\":{},\"status\":\"Failure\",\"reason\":\"NonZeroExitCode\","
                                + "\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + code + "\"}]}}";
                        byte[] s = status.getBytes(StandardCharsets.UTF_8);
                        ws.send(framed(3, s, s.length));
                        ws.close(1000, "");
                    }
                });
            }

            @Override
            public void onMessage(WebSocket ws, ByteString bytes) {
                onMessage(ws, bytes.toByteArray());
            }

            @Override
            public void onMessage(WebSocket ws, byte[] b) {
                Process p = process;
                if (p == null || b.length == 0) return;
                if (b[0] == 0) p.stdin(b, 1, b.length - 1);
                if ((b[0] & 0xff) == 255 && b.length > 1 && b[1] == 0) p.endOfInput();
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                Process p = process;
                if (p != null) p.kill();
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                Process p = process;
                if (p != null) p.kill();
            }
        });
    }

    private static byte[] framed(int channel, byte[] b, int len) {
        byte[] f = new byte[len + 1];
        f[0] = (byte) channel;
        System.arraycopy(b, 0, f, 1, len);
        return f;
    }

    private static List<String> query(String query, String name) {
        List<String> values = new ArrayList<>();
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(name)) {
                values.add(URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
