package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.PatchExtractor;
import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.SandboxException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.fixpoint.models.ToolParam.Type.STRING;

/**
 * Ends the session: for a fixer the repository's state becomes the candidate fix, for a test writer its test.
 * With review (fixers only), the first call does not end the session: it shows the patch with warnings
 * ({@link SubmitReview}) and remembers a fingerprint of it in the sandbox's state directory; a later call submits
 * when the patch and the reproduction files are still exactly what was reviewed, else it shows the new review.
 * The tool stays stateless: the fingerprint lives with the sandbox.
 */
final class SubmitTool implements Tool {

    private static final String FIX_TEXT = "Finish: submit the current state of the repository as your fix. Call it only "
            + "when the reproduction script passes and the existing tests that cover the code you changed pass too.";
    private static final String REVIEW_TEXT = " The first call shows your patch with warnings for a last review; call "
            + "submit again, without changing anything, to confirm.";
    private static final List<ToolParam> FIX_PARAMS = List.of(ToolParam.optional("summary", STRING, "one or two sentences on the cause and the fix"));
    private static final ToolSpec WRITE_TEST = new ToolSpec("submit",
            "Finish: submit the reproduction test you wrote (the files whose name starts with \"repro\"). Call it once "
                    + "the test fails on the current code because of the problem the issue describes.",
            List.of(ToolParam.optional("summary", STRING, "one or two sentences on what the test checks and how it fails now")));
    private static final Duration QUICK = Duration.ofSeconds(30);

    private final ToolSpec spec;
    private final boolean review;

    /** @param review whether a fixer's first submit shows the review (a test writer's never does) */
    SubmitTool(Role role, boolean review) {
        this.review = review && role == Role.FIX;
        this.spec = switch (role) {
            case FIX -> new ToolSpec("submit", FIX_TEXT + (this.review ? REVIEW_TEXT : ""), FIX_PARAMS);
            case WRITE_TEST -> WRITE_TEST;
        };
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String summary = args.optString("summary").map(s -> " Summary: " + s).orElse("");
        if (!review) return Observation.submit("Submitted." + summary);
        PatchExtractor.Result patch = new PatchExtractor(ctx.stateDir()).extract(ctx.sandbox(), ctx.workdir(), ctx.baseCommit());
        if (patch.status() == PatchStatus.UNREADABLE) {
            // Nothing to review; what goes wrong when the patch is read at the end is recorded there.
            return Observation.submit("Submitted without review (the patch could not be read: " + patch.message() + ")." + summary);
        }
        Exchange seen = exchange(ctx, fingerprint(patch));
        if (seen.sameAsBefore()) return Observation.submit("Submitted after review." + summary);
        return Observation.ok(SubmitReview.render(patch, seen.topLevelAtBase()));
    }

    /** The fingerprint remembered before this call (replaced by {@code now}) and the top-level entries of the base tree. */
    private record Exchange(boolean sameAsBefore, Set<String> topLevelAtBase) {}

    private static Exchange exchange(ToolContext ctx, String now) {
        String file = Text.quote(ctx.stateDir() + "/submit-review");
        ExecResult r = ctx.sandbox().exec(ExecRequest.of("mkdir -p " + Text.quote(ctx.stateDir()) + " && { cat " + file
                + " 2>/dev/null; echo; printf '%s' " + Text.quote(now) + " > " + file + "; } && "
                + "git -c safe.directory='*' -c core.quotepath=off ls-tree --name-only " + Text.quote(ctx.baseCommit()) + " 2>/dev/null; true",
                ctx.boundedTimeout(QUICK)).withWorkdir(ctx.workdir()));
        if (!r.ok()) throw new SandboxException(ctx.sandbox().id() + ": cannot keep the submit review's state in " + file + ": " + r.combined());
        List<String> lines = r.stdout().lines().toList();
        boolean same = !lines.isEmpty() && lines.get(0).equals(now);
        return new Exchange(same, lines.stream().skip(1).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
    }

    static String fingerprint(PatchExtractor.Result patch) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((patch.status() + "\0" + patch.patch()).getBytes(StandardCharsets.UTF_8));
            patch.reproduction().forEach(f -> digest.update(("\0" + f.path() + "\0" + f.content()).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
