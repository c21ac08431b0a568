package dev.fixpoint.tasks.git;

import java.util.Objects;
import java.util.Optional;

/**
 * What applying one file's diff to its base content gave: the post-image, or why there is none.
 *
 * @param postImage the file after the patch, ending with a newline unless empty; empty for a deleted file or a
 *                  failure
 * @param problem   why the diff did not apply, naming the file (and hunk); blank when it applied
 */
public record AppliedFile(Optional<String> postImage, String problem) {

    public AppliedFile {
        Objects.requireNonNull(postImage, "postImage");
        Objects.requireNonNull(problem, "problem");
        if (postImage.isPresent() && !problem.isEmpty()) {
            throw new IllegalArgumentException("an applied file has no problem: " + problem);
        }
    }

    static AppliedFile ok(String text) {
        return new AppliedFile(Optional.of(text), "");
    }

    static AppliedFile deleted() {
        return new AppliedFile(Optional.empty(), "");
    }

    static AppliedFile failed(String problem) {
        if (problem.isBlank()) {
            throw new IllegalArgumentException("a failed file needs a problem");
        }
        return new AppliedFile(Optional.empty(), problem);
    }

    /** True when the diff applied (a deletion that applied has no post-image). */
    public boolean applied() {
        return problem.isEmpty();
    }
}
