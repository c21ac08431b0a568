package dev.fixpoint.solver.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the bot does on GitHub, through the REST API: comments on the issue (one per issue: a later run updates it)
 * and draft pull requests built with the Git Data API (blobs, a tree over the base commit's, a commit, a branch),
 * so no git push and no clone credentials are needed. The token is sent as a header and never logged.
 *
 * <p>Permissions the token needs: {@code issues: write} for comments; for pull requests also
 * {@code contents: write} (blobs, trees, commits, the branch) and {@code pull-requests: write}.
 */
public final class GitHubClient {

    /** Marks the bot's comment, so that a later run on the same issue finds and updates it. */
    public static final String MARKER = "<!-- fixpoint-bot -->";
    private static final ObjectMapper JSON = RunJson.mapper();
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 30;

    private final String apiUrl;
    private final String token;
    private final String tokenEnv;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    /** A file of a pull request: its content after the change, or empty when the change deletes it. */
    public record FileChange(String path, Optional<byte[]> content, boolean executable) {
        public FileChange {
            if (path == null || path.isBlank() || path.startsWith("/")) throw new IllegalArgumentException("not a repository path: " + path);
        }
    }

    /**
     * A draft pull request to open (or update, when one is open from the same branch).
     *
     * @param issue      the repository (and the issue the body refers to)
     * @param baseCommit the commit the change applies to; it must be on GitHub
     * @param branch     the branch to create or move, e.g. {@code fixpoint/issue-12}
     */
    public record PullRequestDraft(IssueRef issue, String baseCommit, String branch, String title, String body,
                                   String commitMessage, List<FileChange> files) {
        public PullRequestDraft {
            files = List.copyOf(files);
            if (files.isEmpty()) throw new IllegalArgumentException("a pull request needs at least one changed file");
        }
    }

    /**
     * @param apiUrl   e.g. {@code https://api.github.com} (GitHub Enterprise: {@code https://host/api/v3})
     * @param token    the token
     * @param tokenEnv the variable it came from, for error messages
     */
    public GitHubClient(String apiUrl, String token, String tokenEnv) {
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.token = token;
        this.tokenEnv = tokenEnv;
    }

    /** Posts {@code body} on the issue as a new comment; returns the comment's URL. */
    public String postComment(IssueRef issue, String body) {
        JsonNode c = call("POST", repo(issue) + "/issues/" + issue.number() + "/comments", JSON.createObjectNode().put("body", body),
                "issues: write", 200, 201).json();
        return c.path("html_url").asText(apiUrl + repo(issue) + "/issues/" + issue.number());
    }

    /**
     * Posts {@code body} on the issue, or updates the bot's earlier comment there (the one holding {@link #MARKER});
     * the marker is added to the body. Returns the comment's URL.
     */
    public String upsertComment(IssueRef issue, String body) {
        String marked = body.contains(MARKER) ? body : body + "\n" + MARKER + "\n";
        Optional<JsonNode> earlier = botComment(issue);
        if (earlier.isEmpty()) return postComment(issue, marked);
        JsonNode c = call("PATCH", repo(issue) + "/issues/comments/" + earlier.get().path("id").asLong(),
                JSON.createObjectNode().put("body", marked), "issues: write", 200).json();
        return c.path("html_url").asText(earlier.get().path("html_url").asText(""));
    }

    private Optional<JsonNode> botComment(IssueRef issue) {
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode list = call("GET", repo(issue) + "/issues/" + issue.number() + "/comments?per_page=" + PAGE + "&page=" + page,
                    null, "issues: read", 200).json();
            for (JsonNode c : list) {
                if (c.path("body").asText("").contains(MARKER)) return Optional.of(c);
            }
            if (list.size() < PAGE) break;
        }
        return Optional.empty();
    }

    /** Opens a draft pull request with the change (or updates the open one from the same branch); returns its URL. */
    public String openDraftPullRequest(PullRequestDraft d) {
        String repo = repo(d.issue());
        String defaultBranch = call("GET", repo, null, "metadata: read", 200).json().path("default_branch").asText("main");
        Response base = call("GET", repo + "/git/commits/" + d.baseCommit(), null, "contents: read", 200, 404);
        if (base.status() == 404) {
            throw new SolverException("base commit " + d.baseCommit() + " is not on GitHub in " + d.issue().repository()
                    + ": the pull request must start from a pushed commit (run on the default branch, or push it first)");
        }
        ArrayNode entries = JSON.createArrayNode();
        for (FileChange f : d.files()) {
            ObjectNode e = entries.addObject().put("path", f.path()).put("mode", f.executable() ? "100755" : "100644").put("type", "blob");
            if (f.content().isEmpty()) {
                e.putNull("sha");
            } else {
                ObjectNode blob = JSON.createObjectNode().put("content", Base64.getEncoder().encodeToString(f.content().get()))
                        .put("encoding", "base64");
                e.put("sha", call("POST", repo + "/git/blobs", blob, "contents: write", 201).json().path("sha").asText());
            }
        }
        ObjectNode tree = JSON.createObjectNode().put("base_tree", base.json().path("tree").path("sha").asText());
        tree.set("tree", entries);
        String treeSha = call("POST", repo + "/git/trees", tree, "contents: write", 201).json().path("sha").asText();
        ObjectNode commit = JSON.createObjectNode().put("message", d.commitMessage()).put("tree", treeSha);
        commit.putArray("parents").add(d.baseCommit());
        String commitSha = call("POST", repo + "/git/commits", commit, "contents: write", 201).json().path("sha").asText();
        moveBranch(repo, d.branch(), commitSha);
        return pullRequest(repo, d, defaultBranch);
    }

    private void moveBranch(String repo, String branch, String sha) {
        ObjectNode ref = JSON.createObjectNode().put("ref", "refs/heads/" + branch).put("sha", sha);
        if (call("POST", repo + "/git/refs", ref, "contents: write", 201, 422).status() == 201) return;
        // 422: the branch exists (an earlier run): move it to the new commit
        call("PATCH", repo + "/git/refs/heads/" + branch, JSON.createObjectNode().put("sha", sha).put("force", true),
                "contents: write", 200);
    }

    private String pullRequest(String repo, PullRequestDraft d, String defaultBranch) {
        String owner = d.issue().repository().substring(0, d.issue().repository().indexOf('/'));
        JsonNode open = call("GET", repo + "/pulls?state=open&head=" + encode(owner + ":" + d.branch()), null,
                "pull-requests: read", 200).json();
        ObjectNode pr = JSON.createObjectNode().put("title", d.title()).put("body", d.body());
        if (open.isArray() && !open.isEmpty()) {
            return call("PATCH", repo + "/pulls/" + open.get(0).path("number").asInt(), pr, "pull-requests: write", 200)
                    .json().path("html_url").asText();
        }
        pr.put("head", d.branch()).put("base", defaultBranch).put("draft", true);
        return call("POST", repo + "/pulls", pr, "pull-requests: write", 201).json().path("html_url").asText();
    }

    private record Response(int status, JsonNode json) {}

    private Response call(String method, String path, JsonNode body, String permission, int... accepted) {
        URI uri = URI.create(apiUrl + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        try {
            HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            for (int ok : accepted) {
                if (status == ok) return new Response(status, response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body()));
            }
            throw new SolverException("GitHub answered " + status + " to " + method + " " + uri.getPath() + hint(status, permission)
                    + message(response.body()));
        } catch (IOException e) {
            throw new SolverException("cannot reach GitHub at " + apiUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolverException("interrupted during " + method + " " + uri.getPath(), e);
        }
    }

    private String hint(int status, String permission) {
        return switch (status) {
            case 401 -> ": the token in " + tokenEnv + " was rejected; set a valid token";
            case 403 -> ": the token in " + tokenEnv + " lacks a permission (this call needs " + permission + ")";
            case 404 -> ": not found, or not visible with the token in " + tokenEnv + " (needs " + permission + ")";
            default -> "";
        };
    }

    private static String message(String body) {
        try {
            String m = JSON.readTree(body).path("message").asText("");
            return m.isEmpty() ? "" : " (GitHub: " + m + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String repo(IssueRef issue) {
        return "/repos/" + issue.repository();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
