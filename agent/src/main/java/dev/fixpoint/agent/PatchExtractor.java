package dev.fixpoint.agent;

import dev.fixpoint.agent.tool.Text;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the candidate patch out of the repository in the sandbox.
 *
 * <p>The patch is {@code git diff} of the working tree against the base commit, with every change staged in a
 * scratch index (the repository's own index is untouched), so new files are included. The repository must hold the
 * base commit (a shallow clone at it is enough); if it does not, the patch is {@link PatchStatus#UNREADABLE} rather
 * than a diff against another commit. Left out:
 * <ul>
 *   <li>reproduction files: files that did not exist at the base commit and whose name starts with "repro"
 *       (case-insensitive: reproduce_issue.py, repro.sh, ReproduceIssue.java) anywhere in the tree. They are
 *       returned as {@link ReproductionFile}s instead. Existing files are never reproduction files, so an edit to
 *       an existing test stays in the patch.</li>
 *   <li>build and cache output: {@code __pycache__/}, {@code *.pyc}, {@code .pytest_cache/}, {@code *.egg-info/},
 *       {@code target/}, {@code *.class}.</li>
 * </ul>
 *
 * <p>The diff is written to a file in the state directory (outside the repository) and read as a file, so no exec
 * output cap bounds it; a diff over {@code maxPatchBytes} is not read and comes back {@link PatchStatus#TOO_LARGE}
 * with its size. Git runs immune to what the agent may have configured: it runs on a scratch git directory in the
 * state directory that borrows only the repository's objects (and its index, for speed), with an empty config, no
 * hooks, no attributes or excludes of its own, and neither the system nor the global config; so no fsmonitor, filter,
 * hook, include or diff driver the agent wrote anywhere runs, and the diff has fixed {@code a/} and {@code b/}
 * prefixes and paths from the repository root.
 */
public final class PatchExtractor {

    static final Pattern REPRO_NAME = Pattern.compile("(?i)repro[^/]*");
    static final List<String> EXCLUDES = List.of("**/__pycache__/**", "**/*.pyc", "**/.pytest_cache/**", "**/*.egg-info/**",
            "**/target/**", "**/*.class");
    static final String GIT = "git -c safe.directory='*' -c core.quotepath=off -c core.fsmonitor= -c core.hooksPath=/dev/null";
    /**
     * Shell lines that point git at a scratch git directory {@code $S} holding an empty config, using the objects of the
     * repository in the current directory ({@code .git} a directory, or a file naming one); none of the repository's,
     * the user's or the system's config, hooks, attributes or excludes apply.
     */
    static String scratchGit(String scratchDir) {
        return "G=$(pwd)/.git\n"
                + "if [ -f \"$G\" ]; then G=$(sed -n 's/^gitdir: //p' \"$G\"); case $G in /*) ;; *) G=$(pwd)/$G ;; esac; fi\n"
                + "[ -d \"$G/objects\" ] || { echo \"no git repository at $(pwd) (no objects in $G)\" >&2; exit 3; }\n"
                + "S=" + Text.quote(scratchDir) + "; rm -rf \"$S\"; mkdir -p \"$S/refs\" \"$S/info\"\n"
                + "printf '[core]\\n\\trepositoryformatversion = 0\\n\\tbare = false\\n' > \"$S/config\"\n"
                + "echo 'ref: refs/heads/fixpoint-patch' > \"$S/HEAD\"\n"
                + "if [ -f \"$G/shallow\" ]; then cp \"$G/shallow\" \"$S/shallow\"; fi\n"
                + "export GIT_DIR=\"$S\" GIT_WORK_TREE=\"$(pwd)\" GIT_OBJECT_DIRECTORY=\"$G/objects\" GIT_CONFIG_NOSYSTEM=1"
                + " GIT_CONFIG_GLOBAL=/dev/null GIT_ATTR_NOSYSTEM=1 HOME=/nonexistent XDG_CONFIG_HOME=/nonexistent\n"
                + "unset GIT_CONFIG GIT_CONFIG_PARAMETERS GIT_CONFIG_COUNT GIT_EXTERNAL_DIFF GIT_ALTERNATE_OBJECT_DIRECTORIES\n";
    }
    static final String DIFF_OPTIONS = "--binary --no-color --no-ext-diff --no-textconv --no-relative --src-prefix=a/ --dst-prefix=b/";
    /** How many changed files a too-large message names. */
    static final int NAMED_FILES = 5;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /**
     * What was read: the status, the patch (only for {@link PatchStatus#CHANGED}), a message saying what happened
     * (the size and limit, or git's exit code and error) and the reproduction files (also when the patch is not
     * CHANGED: they were read before the diff).
     */
    public record Result(PatchStatus status, String patch, String message, List<ReproductionFile> reproduction) {
        public Result {
            Objects.requireNonNull(status, "status");
            patch = patch == null ? "" : patch;
            message = message == null ? "" : message;
            reproduction = reproduction == null ? List.of() : List.copyOf(reproduction);
        }

        /** No patch because reading it failed; the message says why. */
        public static Result unreadable(String message) {
            return new Result(PatchStatus.UNREADABLE, "", message, List.of());
        }
    }

    private final String stateDir;
    private final long maxPatchBytes;

    public PatchExtractor(String stateDir) {
        this(stateDir, AgentLimits.DEFAULT_MAX_PATCH_BYTES);
    }

    /**
     * @param stateDir      absolute sandbox directory outside the repository for the scratch index and the diff file
     * @param maxPatchBytes patches larger than this are not read ({@link PatchStatus#TOO_LARGE})
     */
    public PatchExtractor(String stateDir, long maxPatchBytes) {
        if (maxPatchBytes < 1) throw new IllegalArgumentException("maxPatchBytes must be >= 1: " + maxPatchBytes);
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.maxPatchBytes = maxPatchBytes;
    }

    /**
     * Reads the patch of the repository at {@code workdir} against {@code baseCommit}. A failing git is a result
     * ({@link PatchStatus#UNREADABLE}); only a failing sandbox throws.
     *
     * @throws SandboxException when the sandbox itself fails (runner, container)
     */
    public Result extract(Sandbox sandbox, String workdir, String baseCommit) {
        String index = stateDir + "/patch-index";
        String added = stateDir + "/patch-added";
        String diffFile = stateDir + "/patch.diff";
        String scratch = stateDir + "/patch-git";
        String excludes = String.join(" ", EXCLUDES.stream().map(g -> Text.quote(":(exclude,glob)" + g)).toList());
        String stage = "set -e; mkdir -p " + Text.quote(stateDir) + "; rm -f " + Text.quote(index) + " " + Text.quote(added)
                + " " + Text.quote(diffFile) + "\n"
                + scratchGit(scratch)
                + "REAL=$G/index\n"
                + "export GIT_INDEX_FILE=" + Text.quote(index) + "\n"
                + "BASE=$(" + GIT + " rev-parse --verify -q " + Text.quote(baseCommit + "^{commit}") + ") || { echo "
                + Text.quote("base commit " + baseCommit + " is not in the repository (a checkout without its objects?)")
                + " >&2; exit 3; }\n"
                // Start from a copy of the repository's index (its stat cache makes add fast; -p keeps its mtime so git
                // still re-reads "racily clean" files edited in the same second); the real index is untouched.
                + "if [ -f \"$REAL\" ]; then cp -p \"$REAL\" \"$GIT_INDEX_FILE\"; else " + GIT + " read-tree \"$BASE\"; fi\n"
                + GIT + " add -A -- . " + excludes + "\n"
                + GIT + " diff --cached --name-only -z --no-renames --no-relative --diff-filter=A \"$BASE\" > " + Text.quote(added) + "\n"
                + "echo \"$BASE\"\n";
        ExecResult staged = sandbox.exec(ExecRequest.of(stage, TIMEOUT).withWorkdir(workdir));
        if (!staged.ok()) return Result.unreadable(failure(sandbox, workdir, "staging the changes", staged));
        String base = staged.stdout().strip();
        var reproduction = new ArrayList<ReproductionFile>();
        var reproExcludes = new StringBuilder();
        for (String path : new String(sandbox.readFile(added), StandardCharsets.UTF_8).split("\0")) {
            if (path.isEmpty()) continue;
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (REPRO_NAME.matcher(name).matches()) {
                byte[] bytes = sandbox.readFile(workdir + "/" + path);
                reproduction.add(new ReproductionFile(path, new String(bytes, StandardCharsets.UTF_8)));
                reproExcludes.append(' ').append(Text.quote(":(exclude,literal)" + path));
            }
        }
        String pathspec = " -- ." + reproExcludes;
        // The diff goes to a file; only its size, and for an oversized one a few names, come back through exec.
        String diff = "set -e\n" + scratchGit(scratch) + "export GIT_INDEX_FILE=" + Text.quote(index) + "\n"
                + GIT + " diff --cached " + DIFF_OPTIONS + " " + Text.quote(base) + pathspec + " > " + Text.quote(diffFile) + "\n"
                + "SIZE=$(wc -c < " + Text.quote(diffFile) + ")\n"
                + "echo $SIZE\n"
                + "if [ \"$SIZE\" -gt " + maxPatchBytes + " ]; then\n"
                + "  " + GIT + " diff --cached --name-only --no-relative " + Text.quote(base) + pathspec + " > " + Text.quote(added) + "\n"
                + "  wc -l < " + Text.quote(added) + "; head -n " + NAMED_FILES + " " + Text.quote(added) + "\n"
                + "fi\n";
        ExecResult written = sandbox.exec(ExecRequest.of(diff, TIMEOUT).withWorkdir(workdir));
        if (!written.ok()) return new Result(PatchStatus.UNREADABLE, "", failure(sandbox, workdir, "git diff", written), reproduction);
        List<String> lines = written.stdout().lines().map(String::strip).toList();
        long size;
        try {
            size = Long.parseLong(lines.get(0));
        } catch (RuntimeException e) {
            return new Result(PatchStatus.UNREADABLE, "", "cannot read the patch in " + workdir + ": the size of "
                    + diffFile + " is not a number: " + Text.clip(written.stdout().strip(), 200), reproduction);
        }
        if (size == 0) return new Result(PatchStatus.NO_CHANGE, "", PatchStatus.NO_CHANGE_MESSAGE, reproduction);
        if (size > maxPatchBytes) {
            int files = lines.size() > 1 ? Integer.parseInt(lines.get(1)) : 0;
            return new Result(PatchStatus.TOO_LARGE, "", PatchStatus.tooLargeMessage(size, maxPatchBytes, files,
                    lines.subList(Math.min(2, lines.size()), lines.size())), reproduction);
        }
        byte[] patch = sandbox.readFile(diffFile);
        if (patch.length != size) {
            return new Result(PatchStatus.UNREADABLE, "", "cannot read the patch in " + workdir + ": " + diffFile + " has "
                    + size + " bytes but " + patch.length + " were read", reproduction);
        }
        return new Result(PatchStatus.CHANGED, new String(patch, StandardCharsets.UTF_8), PatchStatus.sizeOf(size), reproduction);
    }

    private static String failure(Sandbox sandbox, String workdir, String what, ExecResult r) {
        String output = r.combined().strip();
        return "cannot read the patch in " + workdir + " (" + what + " in " + sandbox.id() + "): "
                + (r.timedOut() ? "timed out after " + TIMEOUT.toSeconds() + " s" : "exit " + r.exitCode())
                + (output.isEmpty() ? "" : ": " + Text.clip(output, 2000));
    }
}
