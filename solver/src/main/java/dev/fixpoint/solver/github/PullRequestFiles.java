package dev.fixpoint.solver.github;

import dev.fixpoint.solver.SolverException;
import dev.fixpoint.tasks.git.ApplyResult;
import dev.fixpoint.tasks.git.FileDiff;
import dev.fixpoint.tasks.git.Patch;
import dev.fixpoint.tasks.git.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The files of a pull request: the patch applied to a checkout of its base, read back file by file. */
public final class PullRequestFiles {

    private PullRequestFiles() {}

    /**
     * @param base a fresh checkout of the commit the patch applies to
     * @throws SolverException when the patch does not apply (naming the files) or a file cannot be read
     */
    public static List<GitHubClient.FileChange> of(Workspace base, String patch) {
        ApplyResult applied = base.apply(patch);
        if (!applied.applied()) throw new SolverException("the patch does not apply to " + base.baseCommit() + ": " + applied.describe());
        List<GitHubClient.FileChange> files = new ArrayList<>();
        for (FileDiff d : Patch.read(patch).patch().diffs()) {
            if (d.isDeletion()) {
                files.add(new GitHubClient.FileChange(d.oldPath(), Optional.empty(), false));
                continue;
            }
            if (!d.isNewFile() && !d.oldPath().equals(d.newPath())) {
                files.add(new GitHubClient.FileChange(d.oldPath(), Optional.empty(), false)); // renamed away
            }
            Path file = base.directory().resolve(d.newPath());
            try {
                files.add(new GitHubClient.FileChange(d.newPath(), Optional.of(Files.readAllBytes(file)), Files.isExecutable(file)));
            } catch (IOException e) {
                throw new SolverException("cannot read " + d.newPath() + " after applying the patch: " + e.getMessage(), e);
            }
        }
        return files;
    }
}
