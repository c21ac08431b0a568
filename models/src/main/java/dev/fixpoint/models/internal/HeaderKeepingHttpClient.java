package dev.fixpoint.models.internal;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * langchain4j's HTTP client for a provider, on the JDK's client like langchain4j's own, except that a failed response
 * keeps its {@code Retry-After} header ({@link Failure}), which langchain4j's {@link HttpException} drops; the
 * {@link RetryingModel dev.fixpoint.models.RetryingModel} honours it. Streaming calls go to langchain4j's client.
 */
final class HeaderKeepingHttpClient implements HttpClient {

    /** A non-2xx response, with the Retry-After header it carried (null when none). */
    static final class Failure extends HttpException {
        private final String retryAfter;

        Failure(int status, String body, String retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        String retryAfter() {
            return retryAfter;
        }
    }

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final HttpClient streaming;

    private HeaderKeepingHttpClient(Builder b) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        if (b.connectTimeout != null) jdk.connectTimeout(b.connectTimeout);
        this.client = jdk.build();
        this.readTimeout = b.readTimeout;
        this.streaming = HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(b.connectTimeout).readTimeout(b.readTimeout).build();
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        String body = request.body() == null ? "" : request.body();
        switch (request.method()) {
            case GET -> b.GET();
            case DELETE -> b.DELETE();
            default -> b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        if (readTimeout != null) b.timeout(readTimeout);
        HttpResponse<byte[]> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new Failure(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("Retry-After").orElse(null));
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }

    /** The builder the providers' model builders take ({@code httpClientBuilder(...)}). */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new HeaderKeepingHttpClient(this);
        }
    }
}
