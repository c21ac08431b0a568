package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.docker.DockerSandboxProvider;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.Pipeline;
import dev.fixpoint.solver.PipelineListener;
import dev.fixpoint.solver.TaskOutcome;
import dev.fixpoint.solver.config.FixpointConfig;
import dev.fixpoint.solver.github.BotBar;
import java.util.Optional;
import dev.fixpoint.solver.report.TaskRun;
import dev.fixpoint.solver.report.BatchRunReader;
import dev.fixpoint.solver.github.BotComment;
import dev.fixpoint.solver.github.PullRequestFiles;
import dev.fixpoint.solver.github.GitHubClient;
import dev.fixpoint.solver.github.IssueRef;
import dev.fixpoint.solver.run.AtomicFiles;
import dev.fixpoint.solver.run.RunDirectory;
import dev.fixpoint.tasks.LocalIssueSource;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.git.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code fixpoint solve}: one issue of one repository (the CI bot): patch, selection report, Markdown comment. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Solves one issue of a repository: rollouts in sandboxes, verification, selection. Writes OUT/patch.diff, "
                + "OUT/selection.json and OUT/comment.md (Markdown for a pull request or issue). When no candidate is "
                + "confident it abstains (exit 4) and, with --post, stays silent. Before any work a live model is asked one tiny "
                + "question; if it does not answer, nothing is run (exit 6). When every rollout fails (e.g. the model stops "
                + "answering) the task ends ERROR, nothing is posted, and re-running the same command with the same --out "
                + "retries it, keeping the rollouts that finished.",
                "",
                "As a bot (--post): the comment is posted only when the chosen patch also clears the bot's bar (bot_min_score, "
                + "default 0.8, and bot_min_agreeing, default 2 attempts making the same change); below it nothing is posted "
                + "(exit 4) unless --post-abstention asks for a comment saying why. A later run on the same issue updates its "
                + "comment instead of adding one. --pull-request also opens (or updates) a draft pull request from branch "
                + "fixpoint/issue-N with the patch. Token permissions: issues: write; with --pull-request also contents: write "
                + "and pull-requests: write.",
                "",
                "Scripted sessions (no model, e.g. to try the bot): --scripted DIR replays DIR/rollout-<k>.json (one file per "
                + "rollout, in the format of tasks/samples/scripts/*/rollout-1.json); DIR/<instance_id>/rollout-<k>.json also "
                + "works, where solve's instance id is <repo dir name>-<first 10 characters of the base commit>. Example: "
                + "fixpoint solve --repo ./verspec --issue issue.md --scripted my-scripts --rollouts 4"},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {"0:a patch was chosen (and posted, with --post)", "1:failure: infrastructure (Docker, git, I/O, GitHub) or the task ended in error",
                ExitCodes.USAGE_LINE, ExitCodes.NO_MODEL_LINE, ExitCodes.ABSTAINED_LINE + " (nothing is posted)",
                ExitCodes.BUDGET_LINE, ExitCodes.MODEL_FAILED_LINE, ExitCodes.INTERRUPTED_LINE})
public final class SolveCommand extends PipelineCommand {

    public SolveCommand() {
        super("solve");
    }

    @Option(names = "--repo", paramLabel = "PATH|URL", description = "the repository: a local path or a git URL (default: the event's clone URL)")
    String repo;

    @Option(names = "--issue", paramLabel = "FILE|TEXT", description = "the issue: a file holding it, or the text itself")
    String issue;

    @Option(names = "--base", paramLabel = "REV", description = "commit, branch or tag to start from (default HEAD)")
    String base;

    @Option(names = "--github-event", paramLabel = "FILE", description = "a GitHub Actions event payload ($GITHUB_EVENT_PATH): issue text, repository and number")
    Path githubEvent;

    @Option(names = "--github-repo", paramLabel = "OWNER/NAME", description = "where --post comments (default: from the event)")
    String githubRepo;

    @Option(names = "--issue-number", paramLabel = "N", description = "issue or pull request to comment on (default: from the event)")
    Integer issueNumber;

    @Option(names = "--post", description = "post the comment via the GitHub REST API (token from $GITHUB_TOKEN or github_token_env); nothing is posted when abstaining")
    boolean post;

    @Option(names = "--github-api-url", paramLabel = "URL", description = "GitHub API base URL (default https://api.github.com)")
    String githubApiUrl;

    @Option(names = "--pull-request", description = "with --post: when the patch clears the bot's bar, also open (or update) a draft "
            + "pull request from branch fixpoint/issue-N (needs contents: write and pull-requests: write)")
    boolean pullRequest;

    @Option(names = "--post-abstention", description = "with --post: when no patch is offered, post a comment saying why and what was "
            + "tried (default: stay silent)")
    boolean postAbstention;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "fixpoint-solve", description = "output directory (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--image", paramLabel = "IMAGE", description = "sandbox image (default: guessed from the repository)")
    String image;

    @Option(names = "--test-command", paramLabel = "CMD", description = "command that runs the repository's tests (default: guessed)")
    String testCommand;

    @Option(names = "--result-format", paramLabel = "FORMAT", description = "PYTEST_LOG or JUNIT_XML (default: guessed)")
    ResultFormat resultFormat;

    @Option(names = "--reports-dir", paramLabel = "DIR", description = "JUnit XML reports directory, relative to the repository")
    String reportsDir;

    @Override
    Integer execute() throws Exception {
        Map<String, String> env = System.getenv();
        Map<String, Object> extra = new HashMap<>();
        extra.put("github_api_url", githubApiUrl);
        RunSetup setup = run.setup(env, extra);
        FixpointConfig config = setup.config();
        ModelSource models = setup.models();
        IssueRef event = githubEvent == null ? null : IssueRef.fromEvent(githubEvent);
        String repoArg = repo != null ? repo : event != null && !event.cloneUrl().isEmpty() ? event.cloneUrl() : null;
        if (repoArg == null) return usage("--repo PATH|URL is required (or --github-event with a repository clone URL)");
        Path issueFile;
        try {
            issueFile = issueFile(event);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        IssueRef target = null;
        String token = null;
        if (post) {
            String where = githubRepo != null ? githubRepo : event != null ? event.repository() : null;
            Integer number = issueNumber != null ? issueNumber : event != null ? Integer.valueOf(event.number()) : null;
            if (where == null || number == null) return usage("--post needs --github-repo OWNER/NAME and --issue-number N, or --github-event FILE");
            target = new IssueRef(where, number, event == null ? "" : event.title(), "", "");
            token = env.get(config.githubTokenEnv());
            if (token == null || token.isBlank()) return usage("--post needs a GitHub token in $" + config.githubTokenEnv() + " (a token that may write issues)");
        }

        setup.checkModel("solve");
        RepoCache cache = setup.cache(null);
        Task task = LocalIssueSource.of(repoArg, issueFile, base, cache).task();
        try (Workspace ws = cache.checkout(task)) {
            task = task.withEnvironment(LocalEnvironment.guess(ws.directory(), image, testCommand, resultFormat, reportsDir));
        }
        RunDirectory runDir = RunDirectory.open(out);
        String id = runId(out);
        System.err.println("fixpoint solve: " + task.instanceId() + " (" + task.environment().image() + ", tests: " + task.environment().testCommand()
                + "), " + config.rollouts() + " rollouts, model " + models.label() + (models.scripted() ? " (SCRIPTED)" : ""));
        TaskOutcome outcome;
        try (DockerSandboxProvider docker = DockerSandboxProvider.builder().runId(id).build();
             Pipeline pipeline = setup.pipeline(docker, cache, id)) {
            docker.pruneLeftovers();
            outcome = pipeline.solve(task, runDir.task(task.instanceId()), PipelineListener.NONE);
        }
        var taskDir = runDir.task(task.instanceId());
        AtomicFiles.write(out.resolve("patch.diff"), outcome.patch());
        if (Files.exists(taskDir.selectionFile())) Files.copy(taskDir.selectionFile(), out.resolve("selection.json"), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("status:    " + outcome.status() + (outcome.chosen() == null ? "" : " (" + outcome.chosen() + ")"));
        outcome.reasons().forEach(r -> System.out.println("  " + r));
        System.out.println("model:     " + models.label() + (models.scripted() ? " (scripted sessions, not a live model)" : ""));
        System.out.println("patch:     " + out.resolve("patch.diff") + (outcome.patch().isEmpty() ? " (empty)" : ""));
        System.out.println("selection: " + out.resolve("selection.json"));
        if (!outcome.isFinal()) {
            System.out.println(outcome.status() == TaskOutcome.Status.ERROR
                    ? "error: nothing to ship; re-run the same command with the same --out to retry"
                    : "budget exhausted: nothing to ship; re-run with more budget to go on");
            return outcome.status() == TaskOutcome.Status.BUDGET_EXHAUSTED ? ExitCodes.BUDGET
                    : outcome.modelFailure() ? ExitCodes.MODEL_FAILED : ExitCodes.FAILURE;
        }
        TaskRun recorded = BatchRunReader.readTask(taskDir.selectionFile().getParent(), models.scripted());
        BotBar.Decision decision = outcome.status() == TaskOutcome.Status.SELECTED ? config.botBar().decide(recorded)
                : new BotBar.Decision(false, "none of the attempts is backed well enough by the tests");
        GitHubClient github = post ? new GitHubClient(config.githubApiUrl(), token, config.githubTokenEnv()) : null;
        Optional<String> pr = Optional.empty();
        if (post && pullRequest && decision.offer()) {
            pr = Optional.of(openPullRequest(github, cache, task, target, outcome.patch()));
            System.out.println("pull request: " + pr.get());
        }
        String title = target != null && !target.title().isBlank() ? target.title() : firstLine(task.problemStatement());
        String comment = BotComment.render(new BotComment.Facts(recorded, title, models.label(), models.scripted(), decision,
                decision.offer() ? outcome.patch() : "", outcome.wallTime(), pr));
        AtomicFiles.write(out.resolve("comment.md"), comment);
        System.out.println("comment:   " + out.resolve("comment.md"));
        if (decision.offer() || (outcome.status() == TaskOutcome.Status.SELECTED && !post)) {
            if (post) System.out.println("posted:    " + github.upsertComment(target, comment));
            return ExitCodes.OK;
        }
        System.out.println("abstained: " + (outcome.status() == TaskOutcome.Status.SELECTED ? decision.why() : "no candidate is confident")
                + (post ? postAbstention ? "; posted why: " + github.upsertComment(target, comment) : "; nothing posted" : ""));
        return ExitCodes.ABSTAINED;
    }

    private static String openPullRequest(GitHubClient github, RepoCache cache, Task task, IssueRef target, String patch) {
        List<GitHubClient.FileChange> files;
        try (Workspace base = cache.checkout(task)) {
            files = PullRequestFiles.of(base, patch);
        }
        String title = target.title().isBlank() ? "Fix #" + target.number() : "Fix #" + target.number() + ": " + target.title();
        String body = "A fix suggested by Fixpoint for #" + target.number() + ". Please review it before marking it ready: "
                + "the comment on the issue says how it was checked.\n\n" + GitHubClient.MARKER + "\n";
        return github.openDraftPullRequest(new GitHubClient.PullRequestDraft(target, task.baseCommit(), "fixpoint/issue-" + target.number(),
                title, body, title + "\n\nSuggested by Fixpoint for #" + target.number() + ".", files));
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    private Path issueFile(IssueRef event) throws IOException {
        if (issue == null) {
            if (event == null || event.issueText().isBlank()) throw new IllegalArgumentException("--issue FILE|TEXT is required (or --github-event with an issue)");
            return temp(event.issueText());
        }
        try {
            Path p = Path.of(issue);
            if (Files.isRegularFile(p)) return p;
        } catch (java.nio.file.InvalidPathException e) {
            // not a path: the text itself
        }
        if (issue.isBlank()) throw new IllegalArgumentException("--issue is empty: give the issue text or a file holding it");
        return temp(issue);
    }

    private static Path temp(String text) throws IOException {
        Path f = Files.createTempFile("fixpoint-issue-", ".md");
        f.toFile().deleteOnExit();
        Files.writeString(f, text);
        return f;
    }

    private static int usage(String message) {
        System.err.println("fixpoint solve: " + message);
        return ExitCodes.USAGE;
    }
}
