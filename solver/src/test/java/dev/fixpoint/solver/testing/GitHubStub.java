package dev.fixpoint.solver.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub REST API fake on loopback, for one token: issue comments (list, create, update), the Git Data API (commits
 * it is told about, blobs, trees, commits, refs) and pull requests (list by head, create, update). It keeps what it is
 * sent, so a test can check the resulting branch's files, and records every request.
 */
public final class GitHubStub implements AutoCloseable {

    /** A request it received. */
    public record Request(String method, String path, String query, String authorization, String body) {}

    /** A pull request it holds. */
    public record Pull(int number, String title, String head, String base, boolean draft, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_BRANCH = "main";

    private final HttpServer server;
    private final String token;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, ObjectNode> comments = new LinkedHashMap<>();
    private final Map<String, byte[]> blobs = new LinkedHashMap<>();
    /** tree sha -> path -> blob sha (a full listing: base trees are flattened into new ones). */
    private final Map<String, Map<String, String>> trees = new LinkedHashMap<>();
    /** commit sha -> tree sha */
    private final Map<String, String> commits = new LinkedHashMap<>();
    private final Map<String, String> refs = new LinkedHashMap<>();
    private final Map<Integer, Pull> pulls = new LinkedHashMap<>();
    private long nextId = 1;

    private GitHubStub(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    public static GitHubStub start(String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GitHubStub stub = new GitHubStub(server, token);
        server.createContext("/", stub::handle);
        server.start();
        return stub;
    }

    /** Makes {@code sha} a commit GitHub knows, with an empty tree. */
    public synchronized GitHubStub knowsCommit(String sha) {
        String tree = "tree-of-" + sha;
        trees.put(tree, new LinkedHashMap<>());
        commits.put(sha, tree);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Bodies of the comments on the issues, in order of creation. */
    public synchronized List<String> comments() {
        return comments.values().stream().map(c -> c.path("body").asText()).toList();
    }

    public synchronized List<Pull> pulls() {
        return List.copyOf(pulls.values());
    }

    /** The files of a branch: path to content; empty when the branch does not exist. */
    public synchronized Map<String, String> branchFiles(String branch) {
        String commit = refs.get("refs/heads/" + branch);
        if (commit == null) return Map.of();
        Map<String, String> files = new LinkedHashMap<>();
        trees.get(commits.get(commit)).forEach((p, blob) -> files.put(p, new String(blobs.get(blob), StandardCharsets.UTF_8)));
        return files;
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String path = ex.getRequestURI().getPath();
        String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        requests.add(new Request(ex.getRequestMethod(), path, query, auth, body));
        int status;
        JsonNode reply;
        if (!("Bearer " + token).equals(auth)) {
            status = 401;
            reply = message("Bad credentials");
        } else {
            synchronized (this) {
                Reply r = route(ex.getRequestMethod(), path, query, body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
                status = r.status();
                reply = r.body();
            }
        }
        byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private Reply route(String method, String path, String query, JsonNode in) {
        Matcher m;
        if ((m = match("/repos/([^/]+/[^/]+)", path)) != null && method.equals("GET")) {
            return ok(200, JSON.createObjectNode().put("full_name", m.group(1)).put("default_branch", DEFAULT_BRANCH));
        }
        if ((m = match("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments", path)) != null) {
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                String issue = m.group(1) + "#" + m.group(2);
                comments.values().stream().filter(c -> c.path("issue").asText().equals(issue)).forEach(list::add);
                return ok(200, list);
            }
            long id = nextId++;
            ObjectNode c = JSON.createObjectNode().put("id", id).put("issue", m.group(1) + "#" + m.group(2))
                    .put("body", in.path("body").asText()).put("html_url", url() + "/" + m.group(1) + "/issues/" + m.group(2) + "#issuecomment-" + id);
            comments.put(id, c);
            return ok(201, c);
        }
        if ((m = match("/repos/[^/]+/[^/]+/issues/comments/(\\d+)", path)) != null && method.equals("PATCH")) {
            ObjectNode c = comments.get(Long.parseLong(m.group(1)));
            if (c == null) return notFound();
            c.put("body", in.path("body").asText());
            return ok(200, c);
        }
        if ((m = match("/repos/[^/]+/[^/]+/git/commits/(\\w+)", path)) != null && method.equals("GET")) {
            String tree = commits.get(m.group(1));
            if (tree == null) return notFound();
            ObjectNode c = JSON.createObjectNode().put("sha", m.group(1));
            c.putObject("tree").put("sha", tree);
            return ok(200, c);
        }
        if (match("/repos/[^/]+/[^/]+/git/blobs", path) != null) {
            String sha = "blob" + nextId++;
            blobs.put(sha, Base64.getDecoder().decode(in.path("content").asText()));
            return ok(201, JSON.createObjectNode().put("sha", sha));
        }
        if (match("/repos/[^/]+/[^/]+/git/trees", path) != null) {
            Map<String, String> base = trees.get(in.path("base_tree").asText());
            if (base == null) return ok(422, message("base_tree is not a tree"));
            Map<String, String> files = new LinkedHashMap<>(base);
            for (JsonNode e : in.path("tree")) {
                if (e.path("sha").isNull()) files.remove(e.path("path").asText());
                else files.put(e.path("path").asText(), e.path("sha").asText());
            }
            String sha = "tree" + nextId++;
            trees.put(sha, files);
            return ok(201, JSON.createObjectNode().put("sha", sha));
        }
        if (match("/repos/[^/]+/[^/]+/git/commits", path) != null) {
            if (!trees.containsKey(in.path("tree").asText())) return ok(422, message("tree is not a tree"));
            String sha = "commit" + nextId++;
            commits.put(sha, in.path("tree").asText());
            return ok(201, JSON.createObjectNode().put("sha", sha));
        }
        if (match("/repos/[^/]+/[^/]+/git/refs", path) != null) {
            String ref = in.path("ref").asText();
            if (refs.containsKey(ref)) return ok(422, message("Reference already exists"));
            refs.put(ref, in.path("sha").asText());
            return ok(201, JSON.createObjectNode().put("ref", ref));
        }
        if ((m = match("/repos/[^/]+/[^/]+/git/refs/heads/(.+)", path)) != null && method.equals("PATCH")) {
            String ref = "refs/heads/" + m.group(1);
            if (!refs.containsKey(ref)) return ok(422, message("Reference does not exist"));
            refs.put(ref, in.path("sha").asText());
            return ok(200, JSON.createObjectNode().put("ref", ref));
        }
        if ((m = match("/repos/([^/]+)/([^/]+)/pulls", path)) != null) {
            if (method.equals("GET")) {
                String head = query.replaceAll(".*head=([^&]*).*", "$1").replace("%3A", ":");
                ArrayNode list = JSON.createArrayNode();
                String owner = m.group(1);
                pulls.values().stream().filter(p -> (owner + ":" + p.head()).equals(head)).forEach(p -> list.add(pull(p)));
                return ok(200, list);
            }
            if (!refs.containsKey("refs/heads/" + in.path("head").asText())) return ok(422, message("head branch does not exist"));
            int n = (int) nextId++;
            Pull p = new Pull(n, in.path("title").asText(), in.path("head").asText(), in.path("base").asText(),
                    in.path("draft").asBoolean(), in.path("body").asText());
            pulls.put(n, p);
            return ok(201, pull(p));
        }
        if ((m = match("/repos/[^/]+/[^/]+/pulls/(\\d+)", path)) != null && method.equals("PATCH")) {
            Pull p = pulls.get(Integer.parseInt(m.group(1)));
            if (p == null) return notFound();
            Pull updated = new Pull(p.number(), in.path("title").asText(p.title()), p.head(), p.base(), p.draft(), in.path("body").asText(p.body()));
            pulls.put(p.number(), updated);
            return ok(200, pull(updated));
        }
        return notFound();
    }

    private ObjectNode pull(Pull p) {
        return JSON.createObjectNode().put("number", p.number()).put("html_url", url() + "/pull/" + p.number());
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private record Reply(int status, JsonNode body) {}

    private static Reply ok(int status, JsonNode body) {
        return new Reply(status, body);
    }

    private static Reply notFound() {
        return ok(404, message("Not Found"));
    }

    private static ObjectNode message(String text) {
        return JSON.createObjectNode().put("message", text);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
