package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.solver.run.RunJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol ({@code --remote-debugging-port=0}, a WebSocket from
 * java.net.http): navigate, wait for the load event, evaluate script, capture console errors and exceptions, take
 * screenshots. Started with a fresh profile and every flag that keeps it off the network. For the report's browser
 * tests and scripts/bench-report.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = RunJson.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();

    /**
     * The browser to use: runs scripts/lib/ensure-chromium.sh (which installs Debian's chromium as root when it is
     * missing); empty with the script's message when there is none and it cannot be installed.
     */
    static Optional<Path> locate(StringBuilder why) {
        Path script = repoRoot().resolve("scripts/lib/ensure-chromium.sh");
        try {
            Process p = new ProcessBuilder("bash", script.toString()).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
                why.append("no Chromium and it could not be installed: ").append(err);
                return Optional.empty();
            }
            String[] lines = out.split("\n");
            return Optional.of(Path.of(lines[lines.length - 1]));
        } catch (IOException e) {
            why.append("cannot run ").append(script).append(": ").append(e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why.append("interrupted while looking for Chromium");
            return Optional.empty();
        }
    }

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/lib/ensure-chromium.sh"))) return d;
        }
        throw new IllegalStateException("cannot find the repository root (scripts/lib/ensure-chromium.sh) above " + dir);
    }

    static HeadlessChromium start(Path binary, int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("fixpoint-chromium-");
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
                if (!p.isAlive()) throw new IOException("chromium exited with " + p.exitValue() + " before opening its DevTools port");
                if (System.nanoTime() > deadline) throw new IOException("chromium did not open its DevTools port within " + TIMEOUT);
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            String ws = null;
            while (ws == null) {
                String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonNode t : JSON.readTree(list)) if (t.path("type").asText().equals("page")) ws = t.path("webSocketDebuggerUrl").asText();
                if (ws == null) Thread.sleep(50);
            }
            return new HeadlessChromium(p, profile, http, ws);
        } catch (IOException | RuntimeException | InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    private HeadlessChromium(Process process, Path profile, HttpClient http, String ws) throws IOException, InterruptedException {
        this.process = process;
        this.profile = profile;
        try {
            this.socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new Listener()).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot connect to chromium's DevTools at " + ws + ": " + e.getMessage(), e);
        }
        send("Page.enable", null);
        send("Runtime.enable", null);
        send("Log.enable", null);
    }

    /** Console errors, uncaught exceptions and error log entries seen so far. */
    List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Navigates and waits for the load event; returns the wall time from the command to the event. */
    Duration load(String url) throws IOException, InterruptedException {
        loaded = new CompletableFuture<>();
        long t0 = System.nanoTime();
        ObjectNode p = JSON.createObjectNode().put("url", url);
        JsonNode r = send("Page.navigate", p);
        if (r.hasNonNull("errorText")) throw new IOException("navigation to " + url + " failed: " + r.get("errorText").asText());
        try {
            loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("no load event for " + url + " within " + TIMEOUT, e);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Evaluates an expression (promises awaited) and returns its value as JSON. */
    JsonNode eval(String expression) throws IOException, InterruptedException {
        ObjectNode p = JSON.createObjectNode().put("expression", expression).put("returnByValue", true).put("awaitPromise", true);
        JsonNode r = send("Runtime.evaluate", p);
        if (r.has("exceptionDetails")) {
            throw new IOException("script threw: " + r.path("exceptionDetails").path("exception").path("description").asText(r.path("exceptionDetails").toString()));
        }
        return r.path("result").path("value");
    }

    /** Polls {@code condition} until it is true. */
    void waitFor(String condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!eval("!!(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) throw new IOException("timed out waiting for " + condition);
            Thread.sleep(25);
        }
    }

    /** Resizes the page's viewport (CSS pixels), e.g. to a phone's 390 px width; layout and media queries follow. */
    void viewport(int width, int height) throws IOException, InterruptedException {
        send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    void screenshot(Path png, boolean fullPage) throws IOException, InterruptedException {
        ObjectNode p = JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", fullPage);
        JsonNode r = send("Page.captureScreenshot", p);
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
    }

    private JsonNode send(String method, ObjectNode params) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) msg.set("params", params);
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(msg.toString(), true);
        try {
            JsonNode r = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (r.has("error")) throw new IOException(method + " failed: " + r.get("error"));
            return r.path("result");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + ": no answer from chromium: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(String text) {
        JsonNode m;
        try {
            m = JSON.readTree(text);
        } catch (IOException e) {
            errors.add("unreadable DevTools message: " + e.getMessage());
            return;
        }
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(m.get("id").asInt());
            if (f != null) f.complete(m);
            return;
        }
        JsonNode p = m.path("params");
        switch (m.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").path("exception").path("description")
                    .asText(p.path("exceptionDetails").path("text").asText()));
            case "Runtime.consoleAPICalled" -> {
                if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
                    StringBuilder b = new StringBuilder("console.error:");
                    p.path("args").forEach(a -> b.append(' ').append(a.path("value").asText(a.path("description").asText())));
                    errors.add(b.toString());
                }
            }
            case "Log.entryAdded" -> {
                if (p.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText(""));
                }
            }
            default -> { }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text);
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(profile)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // a profile left in /tmp is harmless, but say so
            System.err.println("HeadlessChromium: cannot delete profile " + profile + ": " + e.getMessage());
        }
    }
}
