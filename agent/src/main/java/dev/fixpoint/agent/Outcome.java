package dev.fixpoint.agent;

/** Why a rollout ended. */
public enum Outcome {
    /** The model called submit. */
    SUBMITTED,
    STEP_LIMIT,
    TOKEN_LIMIT,
    COST_LIMIT,
    TIME_LIMIT,
    /** A model call failed for good (after retries), e.g. a rejected key or an exhausted scripted model. */
    MODEL_ERROR,
    /** The sandbox failed (daemon, container or runner): an infrastructure failure, not the model's. */
    SANDBOX_ERROR
}
