package dev.fixpoint.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: an immutable definition, kept apart from the live {@link Sandbox}.
 *
 * @param image   Docker image (must exist locally: nothing is pulled)
 * @param workdir absolute working directory of every exec unless the request names another
 * @param env     environment of every exec; nothing from the host environment is passed unless named here
 * @param user    user to run as ("" = the image's default)
 * @param limits  resource bounds
 * @param network true to allow network (image builds only); off by default
 * @param labels  extra container labels; run / task / rollout ids go here (see {@link SandboxLabels})
 */
public record SandboxSpec(String image, String workdir, Map<String, String> env, String user, Limits limits,
                          boolean network, Map<String, String> labels) {

    public SandboxSpec {
        if (image == null || image.isBlank()) throw new IllegalArgumentException("sandbox image is missing");
        if (workdir == null || !workdir.startsWith("/")) {
            throw new IllegalArgumentException("sandbox workdir must be an absolute path, not: " + workdir);
        }
        env = Map.copyOf(env == null ? Map.of() : env);
        user = user == null ? "" : user;
        limits = Objects.requireNonNullElse(limits, Limits.DEFAULT);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }

    public static Builder builder(String image) {
        return new Builder(image);
    }

    public Builder toBuilder() {
        Builder b = new Builder(image).workdir(workdir).user(user).limits(limits).network(network);
        b.env.putAll(env);
        b.labels.putAll(labels);
        return b;
    }

    /** Builder with defaults: workdir {@code /}, no env, image user, {@link Limits#DEFAULT}, network off. */
    public static final class Builder {
        private String image;
        private String workdir = "/";
        private final Map<String, String> env = new LinkedHashMap<>();
        private String user = "";
        private Limits limits = Limits.DEFAULT;
        private boolean network;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String image) {
            this.image = image;
        }

        public Builder image(String v) { image = v; return this; }
        public Builder workdir(String v) { workdir = v; return this; }
        public Builder env(String name, String value) { env.put(name, value); return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder limits(Limits v) { limits = v; return this; }
        public Builder network(boolean v) { network = v; return this; }
        public Builder label(String name, String value) { labels.put(name, value); return this; }

        public SandboxSpec build() {
            return new SandboxSpec(image, workdir, env, user, limits, network, labels);
        }
    }
}
