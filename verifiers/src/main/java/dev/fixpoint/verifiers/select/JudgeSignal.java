package dev.fixpoint.verifiers.select;

/** Which of the judge's verdicts a strategy reads. */
public enum JudgeSignal {
    /** The pointwise YES probability. */
    POINTWISE,
    /** The listwise rank score. */
    LISTWISE,
    /** The mean of the two, or whichever one is present. */
    MEAN
}
