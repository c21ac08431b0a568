package dev.fixpoint.models;


/**
 * A model call failed. {@link #kind()} says why and whether retrying may help; the message names the model and,
 * for authentication failures, the environment variable to set.
 */
public class ModelException extends ModelsException {

    /** Why a call failed. */
    public enum Kind {
        /** Key missing, wrong or not allowed (401/403). */
        AUTH(false),
        /** 429: too many requests or tokens per minute. */
        RATE_LIMIT(true),
        /** 5xx from the provider. */
        SERVER(true),
        /** The request timed out. */
        TIMEOUT(true),
        /** Connection refused or reset, DNS, TLS: the request may not have arrived. */
        NETWORK(true),
        /** 404: no such model at the base URL (or no chat endpoint there: a base URL missing its {@code /v1}). */
        NOT_FOUND(false),
        /** 400/422: the request itself is wrong (context too long, unsupported parameter). */
        BAD_REQUEST(false),
        /** A scripted or replayed model has no more responses. */
        EXHAUSTED(false),
        /** Anything else, e.g. an unparseable response. */
        OTHER(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final transient java.time.Duration retryAfter;

    public ModelException(Kind kind, int httpStatus, String message, Throwable cause) {
        this(kind, httpStatus, message, cause, null);
    }

    /** @param retryAfter how long the provider asked us to wait before trying again (its Retry-After), or null */
    public ModelException(Kind kind, int httpStatus, String message, Throwable cause, java.time.Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public ModelException(Kind kind, String message) {
        this(kind, -1, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status of the failed call, or -1 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the provider asked us to wait before trying again (a Retry-After header), if it said. */
    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /**
     * Whether the model service failed (unreachable, key rejected, model not found, or 429/5xx/timeouts until the
     * retries gave up), as opposed to a request of ours it refused, a scripted model running out, or a budget.
     * A rollout that failed this way says nothing about the task: its work is redone when the run is resumed.
     */
    public boolean serviceFailure() {
        return switch (kind) {
            case AUTH, NOT_FOUND, NETWORK, RATE_LIMIT, SERVER, TIMEOUT -> true;
            case BAD_REQUEST, EXHAUSTED, OTHER -> false;
        };
    }
}
