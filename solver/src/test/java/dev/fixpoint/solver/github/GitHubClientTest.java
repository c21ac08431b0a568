package dev.fixpoint.solver.github;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.testing.GitHubStub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GitHubClientTest {

    @Test
    void postsTheCommentWithTheToken() throws Exception {
        try (GitHubStub stub = GitHubStub.start("good-token")) {
            String url = new GitHubClient(stub.url(), "good-token", "GITHUB_TOKEN").postComment(new IssueRef("acme/widgets", 7, "", "", ""), "hello **world**");
            assertEquals(stub.url() + "/acme/widgets/issues/7#issuecomment-1", url);
            assertEquals("/repos/acme/widgets/issues/7/comments", stub.requests().get(0).path());
            assertTrue(stub.requests().get(0).body().contains("hello **world**"));
        }
    }

    @Test
    void rejectedTokenNamesTheVariable() throws Exception {
        try (GitHubStub stub = GitHubStub.start("good-token")) {
            var e = assertThrows(SolverException.class,
                    () -> new GitHubClient(stub.url(), "bad", "MY_TOKEN").postComment(new IssueRef("acme/widgets", 7, "", "", ""), "x"));
            assertTrue(e.getMessage().contains("401") && e.getMessage().contains("MY_TOKEN"), e.getMessage());
            assertTrue(!e.getMessage().contains("bad"), "the token is not in the message");
        }
    }

    @Test
    void aSecondCommentOnTheSameIssueUpdatesTheFirst() throws Exception {
        try (GitHubStub stub = GitHubStub.start("good-token")) {
            GitHubClient gh = new GitHubClient(stub.url(), "good-token", "GITHUB_TOKEN");
            IssueRef issue = new IssueRef("acme/widgets", 7, "", "", "");
            gh.postComment(issue, "a person's comment");
            String first = gh.upsertComment(issue, "first run");
            String second = gh.upsertComment(issue, "second run");
            assertEquals(first, second, "the same comment");
            assertEquals(2, stub.comments().size(), "the person's and the bot's");
            assertEquals("a person's comment", stub.comments().get(0));
            assertTrue(stub.comments().get(1).startsWith("second run") && stub.comments().get(1).contains(GitHubClient.MARKER),
                    stub.comments().get(1));
        }
    }

    @Test
    void aDraftPullRequestCarriesTheChangedFilesAndARerunMovesItsBranch() throws Exception {
        try (GitHubStub stub = GitHubStub.start("good-token").knowsCommit("abc123")) {
            GitHubClient gh = new GitHubClient(stub.url(), "good-token", "GITHUB_TOKEN");
            IssueRef issue = new IssueRef("acme/widgets", 7, "Crash on empty input", "", "");
            var files = List.of(new GitHubClient.FileChange("src/a.py", Optional.of("fixed\n".getBytes()), false),
                    new GitHubClient.FileChange("run.sh", Optional.of("#!/bin/sh\n".getBytes()), true));
            String url = gh.openDraftPullRequest(new GitHubClient.PullRequestDraft(issue, "abc123", "fixpoint/issue-7",
                    "Fix #7", "body 1", "Fix #7", files));
            assertTrue(url.startsWith(stub.url() + "/pull/"), url);
            assertEquals(Map.of("src/a.py", "fixed\n", "run.sh", "#!/bin/sh\n"), stub.branchFiles("fixpoint/issue-7"));
            var again = List.of(new GitHubClient.FileChange("src/a.py", Optional.of("fixed better\n".getBytes()), false));
            assertEquals(url, gh.openDraftPullRequest(new GitHubClient.PullRequestDraft(issue, "abc123", "fixpoint/issue-7",
                    "Fix #7", "body 2", "Fix #7 again", again)));
            assertEquals(1, stub.pulls().size());
            assertEquals("body 2", stub.pulls().get(0).body());
            assertTrue(stub.pulls().get(0).draft());
            assertEquals(Map.of("src/a.py", "fixed better\n"), stub.branchFiles("fixpoint/issue-7"), "the branch moved to the new commit");
            assertTrue(stub.requests().stream().anyMatch(r -> r.body().contains("\"mode\":\"100755\"")), "executable mode kept");
        }
    }

    @Test
    void aBaseCommitGitHubLacksIsNamed() throws Exception {
        try (GitHubStub stub = GitHubStub.start("good-token")) {
            GitHubClient gh = new GitHubClient(stub.url(), "good-token", "GITHUB_TOKEN");
            var draft = new GitHubClient.PullRequestDraft(new IssueRef("acme/widgets", 7, "", "", ""), "deadbeef", "fixpoint/issue-7",
                    "t", "b", "m", List.of(new GitHubClient.FileChange("a", Optional.empty(), false)));
            var e = assertThrows(SolverException.class, () -> gh.openDraftPullRequest(draft));
            assertTrue(e.getMessage().contains("deadbeef") && e.getMessage().contains("not on GitHub"), e.getMessage());
            assertEquals(0, stub.pulls().size());
        }
    }
}
