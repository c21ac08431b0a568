package dev.fixpoint.tasks;

import dev.fixpoint.tasks.env.EnvironmentSpec;
import dev.fixpoint.tasks.git.RepoCache;
import dev.fixpoint.tasks.git.RepoLocation;
import dev.fixpoint.tasks.git.RepoLocator;
import dev.fixpoint.tasks.git.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One task from a repository (a local path or a URL) and an issue text file, for the CI bot. The base revision
 * (default {@code HEAD}) is resolved to a commit id: in the repository itself when it is local (so a detached
 * HEAD works), else through the {@link RepoCache}. The instance_id is the repo's name plus the commit's short hash,
 * e.g. {@code pycart-3f2a9c1d0e}; there are no FAIL_TO_PASS / PASS_TO_PASS tests.
 */
public final class LocalIssueSource implements TaskSource {

    private static final int SHORT_HASH = 10;

    private final String repo;
    private final Path issueFile;
    private final String baseRevision;
    private final RepoCache cache;
    private final EnvironmentSpec environment;

    private LocalIssueSource(String repo, Path issueFile, String baseRevision, RepoCache cache,
            EnvironmentSpec environment) {
        this.repo = Objects.requireNonNull(repo, "repo");
        this.issueFile = Objects.requireNonNull(issueFile, "issueFile");
        this.baseRevision = baseRevision == null || baseRevision.isBlank() ? "HEAD" : baseRevision;
        this.cache = Objects.requireNonNull(cache, "cache");
        this.environment = environment;
    }

    /**
     * @param repo         a local repository path or a URL (or anything the cache's {@link RepoLocator} maps)
     * @param issueFile    the issue as the user wrote it
     * @param baseRevision commit, branch or tag to start from; {@code null} for {@code HEAD}
     * @param cache        mirrors to resolve and later check out the repository
     */
    public static LocalIssueSource of(String repo, Path issueFile, String baseRevision, RepoCache cache) {
        return new LocalIssueSource(repo, issueFile, baseRevision, cache, null);
    }

    /** A copy whose task carries this environment. */
    public LocalIssueSource withEnvironment(EnvironmentSpec env) {
        return new LocalIssueSource(repo, issueFile, baseRevision, cache, env);
    }

    /**
     * @throws TaskException      when the issue file is missing or empty
     * @throws WorkspaceException when the repository or the revision cannot be found
     */
    @Override
    public TaskLoadResult load() {
        return new TaskLoadResult(List.of(task()), List.of());
    }

    /** The task (resolving the revision, and fetching if needed). */
    public Task task() {
        String issue = readIssue();
        RepoLocation location = cache.locator().locate(repo);
        String repoName = location.source() == RepoLocation.Source.LOCAL_PATH ? location.uri() : repo;
        String commit = location.source() == RepoLocation.Source.LOCAL_PATH
                ? resolveLocally(Path.of(location.uri()))
                : cache.resolve(repo, baseRevision);
        cache.resolve(repoName, commit); // the mirror must hold it for checkouts
        return Task.builder()
                .instanceId(name(repoName) + "-" + commit.substring(0, SHORT_HASH))
                .repo(repoName)
                .baseCommit(commit)
                .problemStatement(issue)
                .environment(environment)
                .build();
    }

    private String readIssue() {
        try {
            String text = Files.readString(issueFile);
            if (text.isBlank()) {
                throw new TaskException("issue file " + issueFile.toAbsolutePath() + " is empty: write the issue"
                        + " (what happens, what you expected) into it");
            }
            return text;
        } catch (NoSuchFileException e) {
            throw new TaskException("issue file not found: " + issueFile.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new TaskException("cannot read issue file " + issueFile.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private String resolveLocally(Path path) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.isDirectory(path.resolve(".git"))) {
            builder.setWorkTree(path.toFile());
        } else {
            builder.setGitDir(path.toFile());
        }
        try (Repository local = builder.build()) {
            ObjectId id = local.resolve(baseRevision + "^{commit}");
            if (id == null) {
                throw new WorkspaceException(WorkspaceException.Reason.MISSING_COMMIT, "revision " + baseRevision
                        + " not found in repo " + path + "; give a commit, branch or tag it has");
            }
            return id.name();
        } catch (IOException | org.eclipse.jgit.errors.RevisionSyntaxException e) {
            throw new WorkspaceException(WorkspaceException.Reason.UNREACHABLE_REPO, "cannot read repo " + path
                    + " to resolve " + baseRevision + ": " + e.getMessage(), e);
        }
    }

    private static String name(String repo) {
        String trimmed = repo.replaceAll("[/\\\\]+$", "").replaceAll("\\.(git|bundle)$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1);
        String safe = last.replaceAll("[^A-Za-z0-9._+-]", "_").toLowerCase(Locale.ROOT);
        return safe.isEmpty() ? "repo" : safe;
    }
}
