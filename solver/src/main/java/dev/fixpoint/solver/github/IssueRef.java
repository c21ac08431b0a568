package dev.fixpoint.solver.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.run.RunJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * An issue on GitHub: where a comment goes, and (from an Actions event) its text and clone URL.
 *
 * @param repository owner/name
 * @param number     issue or pull request number
 * @param title      issue title ("" if unknown)
 * @param body       issue body ("" if unknown)
 * @param cloneUrl   repository clone URL ("" if unknown)
 */
public record IssueRef(String repository, int number, String title, String body, String cloneUrl) {

    private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    public IssueRef {
        if (repository == null || !OWNER_NAME.matcher(repository).matches()) {
            throw new IllegalArgumentException("not a GitHub owner/name: " + repository);
        }
        if (number < 1) throw new IllegalArgumentException("issue number must be >= 1: " + number);
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        cloneUrl = cloneUrl == null ? "" : cloneUrl;
    }

    /** Reads a GitHub Actions event payload (issues, issue_comment or pull_request event). */
    public static IssueRef fromEvent(Path file) {
        JsonNode root;
        try {
            root = RunJson.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SolverException("cannot read GitHub event " + file + ": " + e.getMessage(), e);
        }
        JsonNode issue = root.has("issue") ? root.get("issue") : root.path("pull_request");
        String repo = root.path("repository").path("full_name").asText("");
        if (issue.isMissingNode() || !issue.path("number").isInt() || repo.isEmpty()) {
            throw new SolverException(file + ": not a GitHub issues / pull_request event (needs issue.number and repository.full_name)");
        }
        return new IssueRef(repo, issue.get("number").asInt(), issue.path("title").asText(""), issue.path("body").asText(""),
                root.path("repository").path("clone_url").asText(""));
    }

    /** The issue as one text: title, blank line, body. */
    public String issueText() {
        return title.isEmpty() ? body : title + "\n\n" + body;
    }
}
