package dev.fixpoint.models.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** An OpenAI-compatible chat completions server on loopback that answers with queued (status, body) pairs. */
public final class OpenAiStub implements AutoCloseable {

    public record Reply(int status, String body, long delayMillis, Map<String, String> headers) {
        public Reply(int status, String body, long delayMillis) {
            this(status, body, delayMillis, Map.of());
        }
    }

    /** A delay meaning "never answer" (until the stub is closed). */
    private static final long HANG = -1;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private volatile Reply fallback = new Reply(500, "{\"error\":{\"message\":\"stub has no reply queued\"}}", 0);
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> requestNanos = Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    public OpenAiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/chat/completions", ex -> {
            requestNanos.add(System.nanoTime());
            requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authHeaders.add(ex.getRequestHeaders().getFirst("Authorization"));
            Reply r = replies.poll();
            if (r == null) r = fallback;
            if (r.delayMillis() == HANG) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (r.delayMillis() > 0) {
                try {
                    Thread.sleep(r.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public OpenAiStub reply(int status, String body) {
        replies.add(new Reply(status, body, 0));
        return this;
    }

    /** The answer to every request once the queue is empty (by default a 500 saying that nothing is queued). */
    public OpenAiStub otherwise(int status, String body) {
        fallback = new Reply(status, body, 0);
        return this;
    }

    /** Queues a reply with response headers (e.g. Retry-After). */
    public OpenAiStub reply(int status, String body, Map<String, String> headers) {
        replies.add(new Reply(status, body, 0, headers));
        return this;
    }

    /** Every request once the queue is empty is left without an answer until the stub is closed. */
    public OpenAiStub otherwiseHang() {
        fallback = new Reply(200, "{}", HANG);
        return this;
    }

    /** When each request arrived ({@link System#nanoTime()}), in order. */
    public List<Long> requestNanos() {
        synchronized (requestNanos) {
            return List.copyOf(requestNanos);
        }
    }

    public OpenAiStub delayed(long millis, String body) {
        replies.add(new Reply(200, body, millis));
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

    /** A completion with one tool call. */
    public static String toolCall(String id, String name, String argumentsJson, int prompt, int completion, int cached) {
        String args = argumentsJson.replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function",
                "function":{"name":"%s","arguments":"%s"}}]},"finish_reason":"tool_calls"}],
                "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":%d}}}
                """.formatted(id, name, args, prompt, completion, prompt + completion, cached);
    }

    /** A completion with text only. */
    public static String text(String content) {
        return """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                """.formatted(content);
    }

    /**
     * A completion with text and {@code choices[0].logprobs.content}: one entry per token, each with the given top
     * alternatives ({@code top[i]} as token, logprob pairs).
     */
    public static String textWithLogprobs(List<String> tokens, List<Double> logprobs, List<Map<String, Double>> top) {
        var content = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            if (i > 0) content.append(',');
            content.append("{\"token\":\"").append(tokens.get(i)).append("\",\"logprob\":").append(logprobs.get(i))
                   .append(",\"bytes\":null,\"top_logprobs\":[");
            int j = 0;
            for (var e : top.get(i).entrySet()) {
                if (j++ > 0) content.append(',');
                content.append("{\"token\":\"").append(e.getKey()).append("\",\"logprob\":").append(e.getValue())
                       .append(",\"bytes\":null}");
            }
            content.append("]}");
        }
        return """
                {"id":"chatcmpl-3","object":"chat.completion","created":1,"model":"stub-model","choices":[{"index":0,
                "message":{"role":"assistant","content":"%s"},"logprobs":{"content":[%s]},"finish_reason":"stop"}],
                "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}
                """.formatted(String.join("", tokens), content);
    }

    public static String error(String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}";
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
