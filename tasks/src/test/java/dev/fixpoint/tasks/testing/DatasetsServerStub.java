package dev.fixpoint.tasks.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Hugging Face datasets-server on loopback: {@code GET /rows?dataset=&config=&split=&offset=&length=} answers
 * pages of the rows given for one dataset split, as the real one does ({@code rows} of {@code row_idx} and
 * {@code row}, {@code num_rows_total}); anything else is a 404 with the server's error shape. Records every query.
 */
public final class DatasetsServerStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Map<String, String>> queries = Collections.synchronizedList(new ArrayList<>());

    /** Serves {@code rows} as {@code dataset} (config {@code default}), split {@code split}. */
    public DatasetsServerStub(String dataset, String split, List<JsonNode> rows) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/rows", ex -> {
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            queries.add(q);
            int status = 200;
            String body;
            if (!dataset.equals(q.get("dataset")) || !split.equals(q.get("split")) || !"default".equals(q.get("config"))) {
                status = 404;
                body = "{\"error\":\"The dataset does not exist, or is not accessible.\"}";
            } else {
                int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
                int length = Integer.parseInt(q.getOrDefault("length", "100"));
                ObjectNode page = JSON.createObjectNode();
                page.putArray("features");
                ArrayNode out = page.putArray("rows");
                for (int i = offset; i < Math.min(rows.size(), offset + length); i++) {
                    ObjectNode entry = out.addObject().put("row_idx", i);
                    entry.set("row", rows.get(i));
                    entry.putArray("truncated_cells");
                }
                page.put("num_rows_total", rows.size()).put("num_rows_per_page", 100).put("partial", false);
                body = page.toString();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The query parameters of every request so far, in order. */
    public List<Map<String, String>> queries() {
        return List.copyOf(queries);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
