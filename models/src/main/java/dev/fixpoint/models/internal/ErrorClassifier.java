package dev.fixpoint.models.internal;

import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.ModelException.Kind;
import dev.fixpoint.models.Redactor;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/**
 * Turns whatever a langchain4j call threw into a {@link ModelException} that says what to do about it: the model,
 * the base URL where it matters, and the provider's own message with secrets (the key sent, known key shapes)
 * masked, since providers echo keys in errors.
 */
final class ErrorClassifier {

    private ErrorClassifier() {}

    static ModelException classify(ModelConfig config, RuntimeException e, Redactor redactor) {
        int status = statusOf(e);
        Kind kind = kindOf(e, status);
        String detail = redactor.redact(rootMessage(e));
        String message = switch (kind) {
            case AUTH -> config.id() + ": the API key was rejected" + (status > 0 ? " (HTTP " + status + ")" : "")
                    + "; set " + ApiKeys.keyVariables(config) + " to a valid key. Provider said: " + detail;
            case RATE_LIMIT -> config.id() + ": rate limited (HTTP 429): " + detail;
            case SERVER -> config.id() + ": provider error" + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail;
            case TIMEOUT -> config.id() + ": request timed out after " + config.requestTimeout() + ": " + detail;
            case NETWORK -> config.id() + ": cannot reach " + config.effectiveBaseUrl() + " (is the server running there?): " + detail;
            case NOT_FOUND -> config.id() + ": model '" + config.name() + "' not found at " + config.effectiveBaseUrl()
                    + (status > 0 ? " (HTTP " + status + ")" : "") + "; check the model name (and that the base URL ends where the API "
                    + "starts, e.g. .../v1). Provider said: " + detail;
            case BAD_REQUEST -> config.id() + ": request refused" + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail;
            default -> config.id() + ": model call failed: " + detail;
        };
        return new ModelException(kind, status, message, e, retryAfter(e));
    }

    /** The wait a failed response's Retry-After header asked for, or null. */
    private static java.time.Duration retryAfter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HeaderKeepingHttpClient.Failure f) {
                return RetryAfter.parse(f.retryAfter(), java.time.Instant.now()).orElse(null);
            }
        }
        return null;
    }

    private static Kind kindOf(Throwable e, int status) {
        if (status == 401 || status == 403) return Kind.AUTH;
        if (status == 429) return Kind.RATE_LIMIT;
        if (status == 408) return Kind.TIMEOUT;
        if (status == 404) return Kind.NOT_FOUND;
        if (status >= 500) return Kind.SERVER;
        if (status >= 400) return Kind.BAD_REQUEST;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationException) return Kind.AUTH;
            if (t instanceof RateLimitException) return Kind.RATE_LIMIT;
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t instanceof InternalServerException) return Kind.SERVER;
            if (t instanceof ModelNotFoundException) return Kind.NOT_FOUND;
            if (t instanceof InvalidRequestException) return Kind.BAD_REQUEST;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof CompletionException && t.getCause() instanceof IOException) {
                return Kind.NETWORK;
            }
        }
        return Kind.OTHER;
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) return h.statusCode();
        }
        return -1;
    }

    /**
     * The most telling message of the cause chain: the deepest one that has a message, else the chain's class names;
     * "connection refused" when the connection was (a refused connection often has no message at all).
     */
    private static String rootMessage(Throwable e) {
        String deepest = null;
        var names = new java.util.ArrayList<String>();
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) deepest = t.getMessage();
            names.add(t.getClass().getSimpleName());
            refused |= t instanceof java.net.ConnectException;
        }
        String m = deepest != null ? deepest : String.join(" <- ", names);
        if (refused && !m.toLowerCase(java.util.Locale.ROOT).contains("refused")) m = "connection refused (" + m + ")";
        return m.length() > 500 ? m.substring(0, 500) + "..." : m;
    }
}
