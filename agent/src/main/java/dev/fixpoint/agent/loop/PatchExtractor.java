package dev.fixpoint.agent.loop;

import dev.fixpoint.agent.ReproductionFile;
import dev.fixpoint.agent.tools.Text;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the candidate patch out of the repository in the sandbox.
 *
 * <p>The patch is {@code git diff} of the working tree against the base commit, with every change staged in a
 * scratch index (the repository's own index is untouched), so new files are included. The repository must hold the
 * base commit (a shallow clone at it is enough); if it does not, extraction fails rather than diff against another
 * commit. Left out:
 * <ul>
 *   <li>reproduction files: files that did not exist at the base commit and whose name starts with "repro"
 *       (case-insensitive: reproduce_issue.py, repro.sh, ReproduceIssue.java) anywhere in the tree. They are
 *       returned as {@link ReproductionFile}s instead. Existing files are never reproduction files, so an edit to
 *       an existing test stays in the patch.</li>
 *   <li>build and cache output: {@code __pycache__/}, {@code *.pyc}, {@code .pytest_cache/}, {@code *.egg-info/},
 *       {@code target/}, {@code *.class}.</li>
 * </ul>
 */
public final class PatchExtractor {

    static final Pattern REPRO_NAME = Pattern.compile("(?i)repro[^/]*");
    static final List<String> EXCLUDES = List.of("**/__pycache__/**", "**/*.pyc", "**/.pytest_cache/**", "**/*.egg-info/**",
            "**/target/**", "**/*.class");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The patch and the reproduction files. */
    public record Result(String patch, List<ReproductionFile> reproduction) {}

    private final String stateDir;

    public PatchExtractor(String stateDir) {
        this.stateDir = stateDir;
    }

    public Result extract(Sandbox sandbox, String workdir, String baseCommit) {
        String index = stateDir + "/patch-index";
        String git = "git -c safe.directory='*' -c core.quotepath=off";
        String excludes = String.join(" ", EXCLUDES.stream().map(g -> Text.quote(":(exclude,glob)" + g)).toList());
        String stage = "set -e; mkdir -p " + Text.quote(stateDir) + "; rm -f " + Text.quote(index) + "\n"
                + "REAL=$(" + git + " rev-parse --git-path index)\n"
                + "export GIT_INDEX_FILE=" + Text.quote(index) + "\n"
                + "BASE=$(" + git + " rev-parse --verify -q " + Text.quote(baseCommit + "^{commit}") + ") || { echo "
                + Text.quote("base commit " + baseCommit + " is not in the repository (a checkout without its objects?)")
                + " >&2; exit 3; }\n"
                // Start from a copy of the repository's index (its stat cache makes add fast; -p keeps its mtime so git
                // still re-reads "racily clean" files edited in the same second); the real index is untouched.
                + "if [ -f \"$REAL\" ]; then cp -p \"$REAL\" \"$GIT_INDEX_FILE\"; else " + git + " read-tree \"$BASE\"; fi\n"
                + git + " add -A -- . " + excludes + "\n"
                + "echo \"$BASE\"\n"
                + git + " diff --cached --name-only --no-renames --diff-filter=A \"$BASE\"\n";
        ExecResult staged = run(sandbox, workdir, stage, "stage changes");
        String[] lines = staged.stdout().split("\n");
        String base = lines[0].strip();
        var reproduction = new ArrayList<ReproductionFile>();
        var reproExcludes = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String path = lines[i].strip();
            if (path.isEmpty()) continue;
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (REPRO_NAME.matcher(name).matches()) {
                byte[] bytes = sandbox.readFile(workdir + "/" + path);
                reproduction.add(new ReproductionFile(path, new String(bytes, StandardCharsets.UTF_8)));
                reproExcludes.append(' ').append(Text.quote(":(exclude,literal)" + path));
            }
        }
        String diff = "export GIT_INDEX_FILE=" + Text.quote(index) + "\n"
                + git + " diff --cached --binary --no-color --no-ext-diff " + Text.quote(base) + " -- ." + reproExcludes + "\n";
        return new Result(run(sandbox, workdir, diff, "diff").stdout(), reproduction);
    }

    private static ExecResult run(Sandbox sandbox, String workdir, String script, String what) {
        ExecResult r = sandbox.exec(ExecRequest.of(script, TIMEOUT).withWorkdir(workdir));
        if (!r.ok()) {
            throw new SandboxException(sandbox.id() + ": cannot read the patch in " + workdir + " (" + what + "): exit "
                    + r.exitCode() + ": " + Text.clip(r.combined().strip(), 2000));
        }
        if (r.truncated()) throw new SandboxException(sandbox.id() + ": the patch in " + workdir + " is larger than the exec output cap");
        return r;
    }
}
