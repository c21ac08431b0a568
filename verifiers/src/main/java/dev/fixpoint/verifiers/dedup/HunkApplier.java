package dev.fixpoint.verifiers.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Applies one file's hunks to its base content, as {@code git apply} does: each hunk's context and removed lines
 * must match exactly, at the line the header names or at the nearest other position (hunks may move with the
 * file), in order; no fuzz. When no exact position exists, lines are compared once more with trailing
 * whitespace ignored. A hunk that matches nowhere makes the whole file fail, with a message saying which.
 */
final class HunkApplier {

    private static final BiPredicate<String, String> EXACT = String::equals;
    private static final BiPredicate<String, String> IGNORE_TRAILING_SPACE =
            (a, b) -> a.stripTrailing().equals(b.stripTrailing());

    private HunkApplier() {
    }

    /** The post-image of one file, or why it could not be made; a deleted file's post-image is empty. */
    record Result(Optional<String> postImage, String problem) {
        static Result ok(String text) {
            return new Result(Optional.of(text), "");
        }

        static Result deleted() {
            return new Result(Optional.empty(), "");
        }

        static Result failed(String problem) {
            return new Result(Optional.empty(), problem);
        }

        boolean applied() {
            return problem.isEmpty();
        }
    }

    static Result apply(FileDiff diff, Optional<String> base) {
        if (diff.isNewFile() && base.isPresent() && !base.get().isEmpty()) {
            return Result.failed(diff.path() + ": new file already exists in the base");
        }
        if (!diff.isNewFile() && base.isEmpty()) {
            return Result.failed(diff.oldPath() + ": file does not exist in the base");
        }
        List<String> old = lines(base.orElse(""));
        List<String> out = new ArrayList<>();
        int cursor = 0;
        int drift = 0;
        for (Hunk hunk : diff.hunks()) {
            List<String> want = hunk.oldLines();
            int expected = (hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1) + drift;
            int at = find(old, want, expected, cursor, EXACT);
            if (at < 0) {
                at = find(old, want, expected, cursor, IGNORE_TRAILING_SPACE);
            }
            if (at < 0) {
                return Result.failed("%s: hunk @@ -%d,%d @@ does not match the base"
                        .formatted(diff.path(), hunk.oldStart(), hunk.oldCount()));
            }
            drift = at - (hunk.oldCount() == 0 ? hunk.oldStart() : hunk.oldStart() - 1);
            out.addAll(old.subList(cursor, at));
            out.addAll(hunk.newLines());
            cursor = at + want.size();
        }
        out.addAll(old.subList(cursor, old.size()));
        if (diff.isDeletion()) {
            return out.isEmpty() ? Result.deleted()
                    : Result.failed(diff.oldPath() + ": deletion leaves " + out.size() + " lines behind");
        }
        return Result.ok(out.isEmpty() ? "" : String.join("\n", out) + "\n");
    }

    /** Splits text into lines without their terminators; a final newline does not start another line. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String normal = text.replace("\r\n", "\n");
        if (normal.endsWith("\n")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        return List.of(normal.split("\n", -1));
    }

    private static int find(List<String> old, List<String> want, int expected, int min,
                            BiPredicate<String, String> same) {
        int max = old.size() - want.size();
        if (max < min) {
            return -1;
        }
        int start = Math.max(min, Math.min(expected, max));
        for (int distance = 0; start - distance >= min || start + distance <= max; distance++) {
            int below = start - distance;
            int above = start + distance;
            if (below >= min && matches(old, want, below, same)) {
                return below;
            }
            if (distance > 0 && above <= max && matches(old, want, above, same)) {
                return above;
            }
        }
        return -1;
    }

    private static boolean matches(List<String> old, List<String> want, int at, BiPredicate<String, String> same) {
        for (int k = 0; k < want.size(); k++) {
            if (!same.test(old.get(at + k), want.get(k))) {
                return false;
            }
        }
        return true;
    }
}
