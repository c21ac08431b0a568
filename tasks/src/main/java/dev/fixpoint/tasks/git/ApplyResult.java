package dev.fixpoint.tasks.git;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@link Workspace#apply} did. A patch applies entirely or not at all: when anything fails, the working tree
 * is left as it was and {@link #failures()} says which files (and hunks) did not fit.
 *
 * @param applied  true when every file of the patch applied
 * @param files    the paths written (empty when not applied)
 * @param failures why the patch did not apply, one entry per failing file or hunk (empty when applied)
 */
public record ApplyResult(boolean applied, List<String> files, List<Failure> failures) {

    /**
     * One reason a patch did not apply.
     *
     * @param file    the path concerned, or {@code null} when the patch as a whole is bad (e.g. does not parse)
     * @param message what went wrong, e.g. the hunk header that did not match
     */
    public record Failure(String file, String message) {
        public Failure {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return file == null ? message : file + ": " + message;
        }
    }

    public ApplyResult {
        files = List.copyOf(files);
        failures = List.copyOf(failures);
        if (applied != failures.isEmpty()) {
            throw new IllegalArgumentException("an applied result has no failures and a failed one has some: "
                    + applied + ", " + failures);
        }
    }

    static ApplyResult success(List<String> files) {
        return new ApplyResult(true, files, List.of());
    }

    static ApplyResult failure(List<Failure> failures) {
        return new ApplyResult(false, List.of(), failures);
    }

    /** The files that failed, without repeats. */
    public List<String> failedFiles() {
        return failures.stream().map(Failure::file).filter(Objects::nonNull).distinct().toList();
    }

    /** A short human (and model) readable account, e.g. for an agent's observation. */
    public String describe() {
        if (applied) {
            return "patch applied to " + files.size() + " file(s): " + String.join(", ", files);
        }
        return "patch did not apply (nothing was changed):\n"
                + failures.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
    }
}
