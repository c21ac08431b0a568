package dev.fixpoint.solver.github;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts issue comments through the GitHub REST API. The token is sent as a header and never logged. */
public final class GitHubClient {

    private final String apiUrl;
    private final String token;
    private final String tokenEnv;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

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

    /** Posts {@code body} on the issue; returns the comment's URL. */
    public String postComment(IssueRef issue, String body) {
        URI uri = URI.create(apiUrl + "/repos/" + issue.repository() + "/issues/" + issue.number() + "/comments");
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2022-11-28").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(RunJson.mapper().createObjectNode().put("body", body).toString())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 201 || status == 200) return RunJson.mapper().readTree(response.body()).path("html_url").asText(uri.toString());
            String hint = switch (status) {
                case 401 -> ": the token in " + tokenEnv + " was rejected; set a valid token";
                case 403 -> ": the token in " + tokenEnv + " may not comment on " + issue.repository() + " (needs issues: write)";
                case 404 -> ": no issue " + issue.repository() + "#" + issue.number() + " visible with this token";
                default -> "";
            };
            throw new SolverException("GitHub answered " + status + " to POST " + uri + hint);
        } catch (IOException e) {
            throw new SolverException("cannot reach GitHub at " + apiUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolverException("interrupted while posting to " + uri, e);
        }
    }
}
