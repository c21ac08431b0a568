package dev.fixpoint.solver.github;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.solver.testing.GitHubStub;
import org.junit.jupiter.api.Test;

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
}
