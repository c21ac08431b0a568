package dev.fixpoint.agent;

import java.util.List;
import java.util.Locale;

/**
 * What became of a rollout's patch when it was read out of the sandbox. Only {@link #CHANGED} carries a patch; the
 * others say why there is none, so that "the model changed nothing" is never confused with "the change could not
 * be taken": {@link Candidate#patchMessage()} has the details (the size and the limit, git's exit code and error).
 */
public enum PatchStatus {
    /** The repository differs from the base commit; the patch is the diff. */
    CHANGED,
    /** The diff against the base commit is empty (reproduction files and build output aside). */
    NO_CHANGE,
    /** The diff is larger than the configured limit ({@link AgentLimits#maxPatchBytes()}); it was not read. */
    TOO_LARGE,
    /** The diff could not be computed or read: git failed in the sandbox, or the sandbox did. */
    UNREADABLE;

    /** The message of {@link #NO_CHANGE}. */
    public static final String NO_CHANGE_MESSAGE = "no change: the diff against the base commit is empty";

    /**
     * The message of {@link #TOO_LARGE}, e.g. "patch is 3.4 MiB (3565158 bytes, 52 files: a.py, b.py, ...), over the
     * 1 MiB limit (max_patch_bytes)".
     *
     * @param files how many files the patch changes (0 if unknown)
     * @param names some of their paths
     */
    public static String tooLargeMessage(long bytes, long limit, int files, List<String> names) {
        String which = files <= 0 ? "" : ", " + files + (files == 1 ? " file" : " files")
                + (names.isEmpty() ? "" : ": " + String.join(", ", names) + (names.size() < files ? ", ..." : ""));
        return "patch is " + size(bytes) + " (" + bytes + " bytes" + which + "), over the " + size(limit)
                + " limit (max_patch_bytes)";
    }

    /** The message of {@link #CHANGED}: "patch of 12.3 KiB". */
    public static String sizeOf(long bytes) {
        return "patch of " + size(bytes);
    }

    /** A byte count for people: "812 bytes", "12.3 KiB", "3.4 MiB", "1 MiB". */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + (bytes == 1 ? " byte" : " bytes");
        double kib = bytes / 1024.0;
        if (kib < 1024) return decimal(kib) + " KiB";
        double mib = kib / 1024.0;
        return mib < 1024 ? decimal(mib) + " MiB" : decimal(mib / 1024.0) + " GiB";
    }

    private static String decimal(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** The status of a patch text alone (from a source that tells no more, e.g. another system's prediction). */
    public static PatchStatus of(String patch) {
        return patch == null || patch.isBlank() ? NO_CHANGE : CHANGED;
    }
}
