package dev.fixpoint.verifiers.dedup;

/** What de-duplication learned about a patch while normalising it. */
public enum PatchState {
    /** Applied to the base files; compared by the normalised files it produces (Java by syntax tree). */
    APPLIES,
    /** No base was available; compared by its normalised changed lines only. */
    UNCHECKED,
    /** The patch text is blank or names no file. */
    EMPTY,
    /** The patch changes only whitespace, blank lines or comments: after normalisation nothing changes. */
    NO_EFFECT,
    /** A hunk does not match the base file, or a file it needs is missing. */
    DOES_NOT_APPLY,
    /** The text is not a well-formed unified diff. */
    MALFORMED,
    /** The rollout's patch was over the size limit and was not read (see the candidate's status message). */
    TOO_LARGE,
    /** The rollout's patch could not be read out of its sandbox (see the candidate's status message). */
    UNREADABLE;

    /**
     * Whether a candidate in this state can be a fix at all: not empty, no-op, non-applying, malformed, too large or
     * unreadable.
     */
    public boolean isUsable() {
        return this == APPLIES || this == UNCHECKED;
    }
}
