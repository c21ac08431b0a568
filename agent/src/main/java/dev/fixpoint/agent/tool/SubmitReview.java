package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.PatchExtractor;
import dev.fixpoint.agent.PatchStatus;
import dev.fixpoint.tasks.git.FileDiff;
import dev.fixpoint.tasks.git.Patch;
import dev.fixpoint.tasks.layout.NearestTests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the first {@code submit} of a fixer shows (SWE-agent's review on submit): the patch as it would be submitted
 * and warnings about what usually makes a fix fail at grading or in review: nothing changed, existing test files
 * changed, scratch or reproduction files left in the patch, new files outside the source tree, a very large diff.
 */
final class SubmitReview {

    /** Diffs with more changed lines than this, or more files, are called very large. */
    static final int LARGE_LINES = 400, LARGE_FILES = 12;
    /** How much of the diff the review shows (head and tail). */
    static final int SHOWN_CHARS = 6_000;
    private static final Pattern SCRATCH = Pattern.compile("(?i).*(repro|debug|scratch|tmp|temp|fix_test|test_fix|test_issue).*");

    /** How one file changes in the patch. */
    enum Change { ADDED, MODIFIED, DELETED }

    private SubmitReview() {}

    /** The review's text: the diff (cut to {@value #SHOWN_CHARS} characters), its warnings and what to do next. */
    static String render(PatchExtractor.Result patch, Set<String> topLevelAtBase) {
        List<String> warnings = warnings(patch, topLevelAtBase);
        var sb = new StringBuilder("Review before submitting: this is not submitted yet.\n");
        if (patch.status() == PatchStatus.CHANGED) {
            sb.append("Your patch (git diff against the base commit; files whose name starts with \"repro\" are kept out of it):\n")
                    .append(Text.headTail(patch.patch(), SHOWN_CHARS));
            if (!patch.patch().endsWith("\n")) sb.append('\n');
        }
        if (warnings.isEmpty()) {
            sb.append("No warnings.\n");
        } else {
            sb.append("Warnings:\n");
            warnings.forEach(w -> sb.append("- ").append(w).append('\n'));
        }
        return sb.append("Before you confirm: did the reproduction script pass after your change, and did you run the existing tests "
                + "that cover the code you changed? If something is wrong, fix it now (you will see this review again). "
                + "If this is what you want to submit, call submit again without changing anything.").toString();
    }

    static List<String> warnings(PatchExtractor.Result patch, Set<String> topLevelAtBase) {
        var out = new ArrayList<String>();
        switch (patch.status()) {
            case NO_CHANGE -> out.add("nothing changed: the patch is empty, so submitting it fixes nothing.");
            case TOO_LARGE -> out.add("the patch is too large to be submitted: " + patch.message() + ". Undo unrelated changes "
                    + "(generated or copied files?).");
            case UNREADABLE -> out.add("the patch could not be read: " + patch.message());
            case CHANGED -> {}
        }
        if (patch.status() != PatchStatus.CHANGED) return out;
        List<FileDiff> diffs = Patch.read(patch.patch()).patch().diffs();
        Map<String, Change> files = files(diffs);
        for (var e : files.entrySet()) {
            String path = e.getKey(), name = path.substring(path.lastIndexOf('/') + 1);
            if (e.getValue() != Change.ADDED && NearestTests.isTestFile(path)) {
                out.add(path + ": an existing test file is " + (e.getValue() == Change.DELETED ? "deleted" : "changed")
                        + ". At grading the hidden tests replace the test files they touch, so these edits are likely lost; "
                        + "do not change existing tests (put your checks in the reproduction script).");
            } else if (e.getValue() == Change.ADDED && SCRATCH.matcher(name).matches()) {
                out.add(path + ": looks like a reproduction or scratch file and is part of the patch (only new files whose "
                        + "name starts with \"repro\" are kept out). Delete it if it is not part of the fix.");
            } else if (e.getValue() == Change.ADDED && (!path.contains("/") || !topLevelAtBase.contains(path.substring(0, path.indexOf('/'))))) {
                out.add(path + ": a new file outside the repository's source tree (" + (path.contains("/")
                        ? "in a new top-level directory" : "at the repository root") + "). Delete it unless the fix needs it.");
            }
        }
        long changed = diffs.stream().mapToLong(d -> d.addedLines() + d.removedLines()).sum();
        if (changed > LARGE_LINES || files.size() > LARGE_FILES) {
            out.add("a very large diff: " + changed + " changed lines in " + files.size() + " files. A fix of an issue is usually "
                    + "small; undo what the fix does not need (reformatting, unrelated edits).");
        }
        return out;
    }

    /** The files of a patch (read by the patch library) and how each changes, in patch order. */
    static Map<String, Change> files(List<FileDiff> diffs) {
        var out = new LinkedHashMap<String, Change>();
        for (FileDiff d : diffs) {
            out.put(d.path(), d.isNewFile() ? Change.ADDED : d.isDeletion() ? Change.DELETED : Change.MODIFIED);
        }
        return out;
    }
}
