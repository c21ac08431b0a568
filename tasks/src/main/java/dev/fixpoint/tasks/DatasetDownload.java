package dev.fixpoint.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads a Hugging Face dataset split as task rows through the datasets-server HTTP API
 * ({@code GET /rows?dataset=&config=default&split=&offset=&length=100}, page after page until
 * {@code num_rows_total}), saving each page as it came ({@code rows-000000.json}, {@code rows-000100.json}, ...) in
 * a directory that {@link TaskLoader} reads. A finished download leaves {@value #MARKER} (name, split, rows, pages)
 * last; a directory holding it for the same dataset and split is used as is, without a request. {@code HF_TOKEN},
 * when set, is sent as a bearer token (gated datasets). Thread-safe.
 */
public final class DatasetDownload {

    /** Hugging Face's datasets-server. */
    public static final String DEFAULT_BASE_URL = "https://datasets-server.huggingface.co";
    /** Rows per request: the most the server gives. */
    public static final int PAGE_ROWS = 100;
    /** Written last into a finished download's directory. */
    public static final String MARKER = ".dataset.json";
    private static final ObjectMapper JSON = TasksJson.mapper();
    private static final int ATTEMPTS = 3;

    /**
     * A dataset split: {@code NAME[:split]} on the command line, split {@code test} by default.
     *
     * @param name   e.g. {@code princeton-nlp/SWE-bench_Lite}
     * @param config the dataset's configuration ({@code default})
     * @param split  e.g. {@code test}
     */
    public record Dataset(String name, String config, String split) {
        public Dataset {
            if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?")) {
                throw new IllegalArgumentException("not a Hugging Face dataset name (owner/name): \"" + name + "\"");
            }
            config = config == null || config.isBlank() ? "default" : config;
            split = split == null || split.isBlank() ? "test" : split;
            if (!split.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("not a split name: \"" + split + "\"");
        }

        /** {@code NAME[:split]}; {@code split}, when not null, overrides the one after the colon. */
        public static Dataset parse(String spec, String split) {
            Objects.requireNonNull(spec, "dataset");
            int colon = spec.indexOf(':');
            String name = colon < 0 ? spec : spec.substring(0, colon);
            String named = colon < 0 ? null : spec.substring(colon + 1);
            return new Dataset(name.strip(), "default", split != null ? split : named);
        }

        /** A directory name for this split: {@code owner__name-split}. */
        public String slug() {
            return name.replace("/", "__") + "-" + split;
        }
    }

    /**
     * What a download gave.
     *
     * @param directory where the pages are
     * @param rows      rows saved
     * @param pages     page files saved
     * @param cached    an earlier download was used; nothing was requested
     */
    public record Result(Path directory, int rows, int pages, boolean cached) {}

    private final String baseUrl;
    private final HttpClient http;
    private final String token;

    private DatasetDownload(String baseUrl, String token) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A downloader from {@code baseUrl} (null: {@link #DEFAULT_BASE_URL}), with {@code HF_TOKEN} when set. */
    public static DatasetDownload from(String baseUrl) {
        String token = System.getenv("HF_TOKEN");
        return new DatasetDownload(baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl,
                token == null || token.isBlank() ? null : token);
    }

    /**
     * The split's rows in {@code dir}: downloaded, or the earlier download found there.
     *
     * @throws TaskException naming the request and the server's answer when a page cannot be had, or the
     *                       directory cannot be written
     */
    public Result fetch(Dataset dataset, Path dir) throws InterruptedException {
        try {
            JsonNode done = finished(dir, dataset);
            if (done != null) {
                return new Result(dir, done.path("rows").asInt(), done.path("pages").asInt(), true);
            }
            Files.createDirectories(dir);
            try (java.util.stream.Stream<Path> old = Files.list(dir)) { // pages of an unfinished or other download
                for (Path p : old.filter(p -> p.getFileName().toString().matches("rows-\\d+\\.json")).toList()) {
                    Files.delete(p);
                }
            }
            int offset = 0;
            int pages = 0;
            long total;
            do {
                JsonNode page = page(dataset, offset);
                total = page.path("num_rows_total").asLong(-1);
                int n = page.path("rows").size();
                if (total < 0) throw new TaskException(url(dataset, offset) + ": the answer has no num_rows_total");
                if (n == 0 && offset < total) {
                    throw new TaskException(url(dataset, offset) + ": no rows at offset " + offset + " of " + total);
                }
                if (n > 0) {
                    AtomicFiles.writeString(dir.resolve(String.format("rows-%06d.json", offset)), page.toString());
                    pages++;
                }
                offset += n;
            } while (offset < total);
            ObjectNode marker = JSON.createObjectNode().put("dataset", dataset.name()).put("config", dataset.config())
                    .put("split", dataset.split()).put("rows", offset).put("pages", pages).put("source", baseUrl);
            AtomicFiles.writeString(dir.resolve(MARKER), marker.toPrettyString());
            return new Result(dir, offset, pages, false);
        } catch (IOException e) {
            throw new TaskException("cannot save dataset " + dataset.name() + " into " + dir.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The marker of an earlier finished download of the same split, or null. */
    private static JsonNode finished(Path dir, Dataset dataset) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) return null;
        try {
            JsonNode m = JSON.readTree(Files.readString(marker, StandardCharsets.UTF_8));
            boolean same = dataset.name().equals(m.path("dataset").asText()) && dataset.split().equals(m.path("split")
                    .asText()) && dataset.config().equals(m.path("config").asText());
            return same ? m : null;
        } catch (JsonProcessingException e) {
            return null; // a torn marker: download again
        }
    }

    private JsonNode page(Dataset dataset, int offset) throws IOException, InterruptedException {
        String url = url(dataset, offset);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).GET()
                .header("Accept", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r;
            try {
                r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    Thread.sleep(1000L * attempt);
                    continue;
                }
                throw new TaskException("GET " + url + " failed: " + e + " (check the network, or --datasets-server URL)", e);
            }
            boolean retry = r.statusCode() == 429 || r.statusCode() >= 500;
            if (retry && attempt < ATTEMPTS) {
                Thread.sleep(1000L * attempt);
                continue;
            }
            if (r.statusCode() != 200) {
                String body = r.body().length() > 200 ? r.body().substring(0, 200) + "..." : r.body();
                throw new TaskException("GET " + url + " -> HTTP " + r.statusCode() + ": " + body.strip()
                        + (r.statusCode() == 404 ? " (check the dataset name and split, e.g."
                        + " --dataset princeton-nlp/SWE-bench_Lite:test)" : ""));
            }
            try {
                JsonNode page = JSON.readTree(r.body());
                if (!page.path("rows").isArray()) throw new TaskException("GET " + url + ": the answer has no rows list");
                return page;
            } catch (JsonProcessingException e) {
                throw new TaskException("GET " + url + ": the answer is not JSON: " + e.getOriginalMessage());
            }
        }
    }

    private String url(Dataset dataset, int offset) {
        return baseUrl + "/rows?dataset=" + enc(dataset.name()) + "&config=" + enc(dataset.config()) + "&split="
                + enc(dataset.split()) + "&offset=" + offset + "&length=" + PAGE_ROWS;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
