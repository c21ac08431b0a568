package dev.fixpoint.solver.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A GitHub REST API stub on loopback: accepts issue comments with one token, records them. */
public final class GitHubStub implements AutoCloseable {

    /** A request it received. */
    public record Request(String method, String path, String authorization, String body) {}

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    private GitHubStub(HttpServer server) {
        this.server = server;
    }

    public static GitHubStub start(String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        GitHubStub stub = new GitHubStub(server);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            stub.requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), auth, body));
            String path = ex.getRequestURI().getPath();
            int status;
            String reply;
            if (!("Bearer " + token).equals(auth)) {
                status = 401;
                reply = "{\"message\": \"Bad credentials\"}";
            } else if (ex.getRequestMethod().equals("POST") && path.matches("/repos/[^/]+/[^/]+/issues/\\d+/comments")) {
                status = 201;
                String issue = path.substring("/repos/".length(), path.length() - "/comments".length());
                reply = "{\"id\": 1, \"html_url\": \"" + stub.url() + "/" + issue + "#issuecomment-1\"}";
            } else {
                status = 404;
                reply = "{\"message\": \"Not Found\"}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
