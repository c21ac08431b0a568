package dev.fixpoint.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Asks a registry whether it holds an image, through the registry HTTP API v2 ({@code HEAD /v2/<name>/manifests/<tag>}),
 * with no Docker daemon: what a pod of a sharded batch, or a push step deciding what to skip, can ask cheaply. HTTPS
 * first, plain HTTP when the registry does not speak TLS (as dockerd does for insecure and loopback registries); the
 * registry's token or basic authentication with the credentials the Docker configuration ({@code ~/.docker/config.json},
 * or {@code $DOCKER_CONFIG}) holds for it, none for an open registry. Thread-safe.
 */
public final class RegistryClient {

    /** What the registry said about one image. */
    public enum State {
        /** The registry has a manifest under that name. */
        PRESENT,
        /** The registry answered that it has none. */
        ABSENT,
        /** No answer that settles it (unreachable, refused credentials, an unexpected status): see the detail. */
        UNKNOWN
    }

    /**
     * One answer.
     *
     * @param image  the image asked about, {@code HOST[:PORT]/PATH:TAG}
     * @param state  present, absent or unknown
     * @param detail why it is unknown (the status or the error), "" otherwise
     */
    public record Presence(String image, State state, String detail) {}

    private static final String MANIFESTS = String.join(", ", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json");
    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    /** Registry host to the scheme it answered on. */
    private final Map<String, String> schemes = new ConcurrentHashMap<>();

    /**
     * Whether the registry holds {@code image}.
     *
     * @param image a registry name {@code HOST[:PORT]/PATH:TAG}, e.g. {@code 127.0.0.1:5000/fx/fixpoint/instance:k-1}
     * @throws IllegalArgumentException naming the value when it has no registry host or no tag
     */
    public Presence find(String image) {
        Reference ref = Reference.parse(image);
        try {
            HttpResponse<Void> r = send(ref, "HEAD", "/v2/" + ref.path() + "/manifests/" + ref.tag(), null);
            if (r.statusCode() == 401) {
                if (!secure(r.uri())) return unknown(image, "the registry asks for credentials (HTTP 401) on plain "
                        + "HTTP; credentials are only sent over HTTPS or to a loopback registry: serve " + ref.host()
                        + " with TLS");
                Optional<String> auth = authorize(ref, r.headers().firstValue("WWW-Authenticate").orElse(""));
                if (auth.isEmpty()) return unknown(image, "the registry asks for credentials (HTTP 401) and the Docker"
                        + " configuration has none that it accepts: docker login " + ref.host());
                r = send(ref, "HEAD", "/v2/" + ref.path() + "/manifests/" + ref.tag(), auth.get());
            }
            return switch (r.statusCode()) {
                case 200 -> new Presence(image, State.PRESENT, "");
                case 404 -> new Presence(image, State.ABSENT, "");
                default -> unknown(image, "HTTP " + r.statusCode() + " from " + r.uri());
            };
        } catch (IOException e) {
            return unknown(image, "registry " + ref.host() + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(image, "interrupted");
        }
    }

    private static Presence unknown(String image, String detail) {
        return new Presence(image, State.UNKNOWN, detail);
    }

    /** HTTPS unless this host has answered on plain HTTP, or does not speak TLS. */
    private HttpResponse<Void> send(Reference ref, String method, String path, String authorization)
            throws IOException, InterruptedException {
        String known = schemes.get(ref.host());
        if (known != null) return request(known, ref, method, path, authorization);
        try {
            HttpResponse<Void> r = request("https", ref, method, path, authorization);
            schemes.put(ref.host(), "https");
            return r;
        } catch (SSLException e) {
            HttpResponse<Void> r = request("http", ref, method, path, authorization);
            schemes.put(ref.host(), "http");
            return r;
        }
    }

    private HttpResponse<Void> request(String scheme, Reference ref, String method, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(scheme + "://" + ref.host() + path)).timeout(TIMEOUT)
                .header("Accept", MANIFESTS).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding());
    }

    /** The Authorization header answering the challenge: a bearer token from the realm, or basic credentials. */
    private Optional<String> authorize(Reference ref, String challenge) throws IOException, InterruptedException {
        Optional<String> basic = basicCredentials(ref);
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) return basic.map(c -> "Basic " + c);
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) return Optional.empty();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) params.put(m.group(1), m.group(2));
        String realm = params.get("realm");
        if (realm == null) return Optional.empty();
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (params.containsKey("service")) url.append("service=").append(encode(params.get("service"))).append('&');
        url.append("scope=").append(encode(params.getOrDefault("scope", "repository:" + ref.path() + ":pull")));
        URI tokenUri = URI.create(url.toString());
        HttpRequest.Builder b = HttpRequest.newBuilder(tokenUri).timeout(TIMEOUT).GET();
        if (secure(tokenUri)) basic.ifPresent(c -> b.header("Authorization", "Basic " + c));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) return Optional.empty();
        JsonNode body = JSON.readTree(r.body());
        String token = body.path("token").asText(body.path("access_token").asText(""));
        return token.isEmpty() ? Optional.empty() : Optional.of("Bearer " + token);
    }

    /** Whether credentials may travel to {@code uri}: over HTTPS, or to a loopback address. */
    static boolean secure(URI uri) {
        if ("https".equalsIgnoreCase(uri.getScheme())) return true;
        String host = uri.getHost();
        if (host == null) return false;
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+\\]|[0-9a-fA-F:]+")
                    && java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** base64(user:password) from the Docker configuration for this registry, if it has any. */
    private static Optional<String> basicCredentials(Reference ref) {
        AuthConfig a = DefaultDockerClientConfig.createDefaultConfigBuilder().build().effectiveAuthConfig(ref.host() + "/" + ref.path());
        if (a == null) return Optional.empty();
        if (a.getAuth() != null && !a.getAuth().isEmpty()) return Optional.of(a.getAuth());
        if (a.getUsername() == null || a.getPassword() == null) return Optional.empty();
        return Optional.of(Base64.getEncoder().encodeToString((a.getUsername() + ":" + a.getPassword())
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code HOST[:PORT]/PATH:TAG} split up. */
    record Reference(String host, String path, String tag) {
        static Reference parse(String image) {
            int slash = image == null ? -1 : image.indexOf('/');
            int colon = image == null ? -1 : image.lastIndexOf(':');
            if (slash <= 0 || colon <= slash || colon == image.length() - 1) {
                throw new IllegalArgumentException("not a registry image name HOST[:PORT]/PATH:TAG: " + image);
            }
            return new Reference(image.substring(0, slash), image.substring(slash + 1, colon), image.substring(colon + 1));
        }
    }
}
