package dev.fixpoint.sandbox.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real registry for tests: Debian's {@code docker-registry} (distribution v2) serving plain HTTP on a free loopback
 * port, its storage under a test's directory (dockerd allows plain HTTP to 127.0.0.0/8 without configuration). Needs
 * no Docker daemon. {@link #close()} stops it.
 */
public final class LoopbackRegistry implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/bin/docker-registry");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final String address;

    private LoopbackRegistry(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts a registry storing under {@code state}; fails naming the package when the binary is missing. */
    public static LoopbackRegistry start(Path state) throws IOException, InterruptedException {
        if (!Files.isExecutable(BIN)) {
            throw new AssertionError(BIN + " is missing: install Debian's docker-registry (apt-get install docker-registry; "
                    + "scripts/test does it)");
        }
        String address = "127.0.0.1:" + freePort();
        Path config = state.resolve("config.yml");
        Path log = state.resolve("registry.log");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + state.resolve("data")
                + "\nhttp:\n  addr: " + address + "\n");
        Process p = new ProcessBuilder(BIN.toString(), "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackRegistry r = new LoopbackRegistry(p, address);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!r.answers()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                r.close();
                throw new AssertionError("the registry did not answer on " + address + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return r;
    }

    /** {@code 127.0.0.1:PORT}. */
    public String address() {
        return address;
    }

    /** A free loopback port (nothing listens on it right after). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** GET of a registry API path, e.g. {@code /v2/_catalog}; the body, or an IOException for a status other than 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("GET " + path + ": HTTP " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    /** The tags of {@code repository} ({@code /v2/<repository>/tags/list}), empty when it has none. */
    public List<String> tags(String repository) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/v2/" + repository + "/tags/list")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) return List.of();
        if (r.statusCode() != 200) throw new IOException("tags of " + repository + ": HTTP " + r.statusCode() + ": " + r.body());
        List<String> tags = new ArrayList<>();
        JsonNode list = JSON.readTree(r.body()).path("tags");
        list.forEach(t -> tags.add(t.asText()));
        return tags;
    }

    /**
     * Stores a minimal image (a config blob, no layers) as {@code repository:tag} through the registry API, with no
     * Docker daemon; returns its registry name {@code 127.0.0.1:PORT/repository:tag}.
     */
    public String putImage(String repository, String tag) throws IOException, InterruptedException {
        byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
                .getBytes(StandardCharsets.UTF_8);
        String digest = "sha256:" + Hashing.sha256().hashBytes(config).toString();
        HttpResponse<String> start = HTTP.send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        expect(202, start, "blob upload start");
        String location = start.headers().firstValue("Location").orElseThrow();
        URI put = URI.create(location.startsWith("/") ? "http://" + address + location : location);
        put = URI.create(put + (put.getQuery() == null ? "?" : "&") + "digest=" + digest);
        expect(201, HTTP.send(HttpRequest.newBuilder(put).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(config)).build(), HttpResponse.BodyHandlers.ofString()), "blob upload");
        String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":" + config.length
                + ",\"digest\":\"" + digest + "\"},\"layers\":[]}";
        expect(201, HTTP.send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", "application/vnd.docker.distribution.manifest.v2+json")
                .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString()), "manifest");
        return address + "/" + repository + ":" + tag;
    }

    private static void expect(int status, HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() != status) throw new IOException(what + ": HTTP " + r.statusCode() + ": " + r.body());
    }

    private URI uri(String path) {
        return URI.create("http://" + address + path);
    }

    private boolean answers() {
        try {
            get("/v2/");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
