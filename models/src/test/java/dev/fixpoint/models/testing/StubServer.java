package dev.fixpoint.models.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * An HTTP server on loopback that answers POSTs to one path with queued (status, body) pairs and records each request's
 * body and one header (the provider's key header). The provider stubs ({@link OpenAiStub}, {@link AnthropicStub}) are
 * this server on their endpoint, with builders of their response bodies.
 */
public class StubServer implements AutoCloseable {

    /** A reply: status, body, a delay before it ({@link #HANG}: never, until the server closes) and response headers. */
    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, Map.of());
        }
    }

    /** A delay meaning "never answer" (until the server is closed). */
    public static final long HANG = -1;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private volatile Reply fallback = new Reply(500, "{\"error\":{\"message\":\"stub has no reply queued\"}}", 0);
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closed = new CountDownLatch(1);

    /** @param path the endpoint, e.g. /v1/chat/completions; @param authHeader the request header recorded with each request */
    public StubServer(String path, String authHeader) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, ex -> {
            requestNanos.add(System.nanoTime());
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authHeaders.add(ex.getRequestHeaders().getFirst(authHeader));
            Reply r = replies.poll();
            if (r == null) r = fallback;
            try {
                if (r.delayMillis() == HANG) {
                    closed.await();
                } else if (r.delayMillis() > 0) {
                    Thread.sleep(r.delayMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            r.headers().forEach((name, value) -> ex.getResponseHeaders().add(name, value));
            try {
                ex.sendResponseHeaders(r.status(), body.length);
                ex.getResponseBody().write(body);
            } catch (IOException e) {
                // the client gave up (timeout test); nothing to answer
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    /** http://127.0.0.1:PORT */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:PORT/v1}. */
    public String baseUrl() {
        return root() + "/v1";
    }

    public void reply(Reply r) {
        replies.add(r);
    }

    /** Queues a reply. */
    public StubServer reply(int status, String body) {
        reply(new Reply(status, body, 0));
        return this;
    }

    /** Queues a reply with response headers (e.g. Retry-After). */
    public StubServer reply(int status, String body, Map<String, String> headers) {
        reply(new Reply(status, body, 0, headers));
        return this;
    }

    /** Queues a 200 reply sent after {@code millis}. */
    public StubServer delayed(long millis, String body) {
        reply(new Reply(200, body, millis));
        return this;
    }

    /** The answer to every request once the queue is empty (by default a 500 saying that nothing is queued). */
    public void otherwise(Reply r) {
        fallback = r;
    }

    /** As {@link #otherwise(Reply)}, without delay. */
    public StubServer otherwise(int status, String body) {
        otherwise(new Reply(status, body, 0));
        return this;
    }

    /** Every request once the queue is empty is left without an answer until the stub is closed. */
    public StubServer otherwiseHang() {
        otherwise(new Reply(200, "{}", HANG));
        return this;
    }

    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<String> authHeaders() {
        synchronized (authHeaders) {
            return List.copyOf(authHeaders);
        }
    }

    /** When each request arrived ({@link System#nanoTime()}), in order. */
    public List<Long> requestNanos() {
        synchronized (requestNanos) {
            return List.copyOf(requestNanos);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
