package dev.fixpoint.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to build an environment image ({@link EnvironmentImages#build}): a sandbox of {@code baseImage} with network
 * on trusts {@code caBundle} if given, receives {@code sourceDir} at {@code workdir} (with its {@code .git}), runs
 * {@code steps} one by one in {@code workdir}, deletes every file of {@code sourceDir} again (and {@code .git}, and
 * the directories left empty), and is committed as {@code image} with {@code env} in its configuration and
 * {@code labels}. So the image keeps what the steps made (installed packages, egg-info, compiled extensions) but
 * no source tree: each task's own tree goes into the workdir later, over nothing of another commit.
 *
 * @param image       name:tag of the image to make
 * @param baseImage   image to start from (must exist locally)
 * @param workdir     absolute working directory of the steps, and of the image
 * @param sourceDir   host directory copied into {@code workdir} for the steps and deleted after them, or null
 * @param caBundle    host PEM bundle of extra CA certificates to trust (system store and, where Debian's
 *                    ca-certificates-java is installed, the JDK's), or null
 * @param steps       shell commands; the first that fails stops the build
 * @param stepTimeout bound of each step
 * @param env         environment of the steps and of the image
 * @param buildEnv    environment of the steps only (e.g. proxy settings), not kept in the image
 * @param labels      labels of the image
 * @param limits      bounds of the build sandbox
 */
public record ImageBuild(String image, String baseImage, String workdir, Path sourceDir, Path caBundle,
                         List<String> steps, Duration stepTimeout, Map<String, String> env,
                         Map<String, String> buildEnv, Map<String, String> labels, Limits limits) {

    private static final Pattern IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/-]*:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    public ImageBuild {
        if (image == null || !IMAGE.matcher(image).matches()) {
            throw new IllegalArgumentException("not an image name:tag to build: " + image);
        }
        if (baseImage == null || baseImage.isBlank()) throw new IllegalArgumentException(image + ": base image is missing");
        if (workdir == null || !workdir.startsWith("/")) {
            throw new IllegalArgumentException(image + ": workdir must be an absolute path, not: " + workdir);
        }
        steps = List.copyOf(steps == null ? List.of() : steps);
        stepTimeout = stepTimeout == null ? Duration.ofMinutes(30) : stepTimeout;
        if (stepTimeout.isNegative() || stepTimeout.isZero()) {
            throw new IllegalArgumentException(image + ": step timeout must be positive, not: " + stepTimeout);
        }
        env = Map.copyOf(env == null ? Map.of() : env);
        buildEnv = Map.copyOf(buildEnv == null ? Map.of() : buildEnv);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        limits = Objects.requireNonNullElse(limits, Limits.DEFAULT);
    }

    public static Builder builder(String image, String baseImage) {
        return new Builder(image, baseImage);
    }

    /** Builder; defaults: workdir {@code /testbed}, no source, no CA bundle, 30-minute steps, {@link Limits#DEFAULT}. */
    public static final class Builder {
        private final String image;
        private final String baseImage;
        private String workdir = "/testbed";
        private Path sourceDir;
        private Path caBundle;
        private List<String> steps = List.of();
        private Duration stepTimeout;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> buildEnv = new LinkedHashMap<>();
        private final Map<String, String> labels = new LinkedHashMap<>();
        private Limits limits;

        private Builder(String image, String baseImage) {
            this.image = image;
            this.baseImage = baseImage;
        }

        public Builder workdir(String v) { workdir = v; return this; }
        public Builder sourceDir(Path v) { sourceDir = v; return this; }
        public Builder caBundle(Path v) { caBundle = v; return this; }
        public Builder steps(List<String> v) { steps = v; return this; }
        public Builder stepTimeout(Duration v) { stepTimeout = v; return this; }
        public Builder env(Map<String, String> v) { env.putAll(v); return this; }
        public Builder buildEnv(Map<String, String> v) { buildEnv.putAll(v); return this; }
        public Builder label(String name, String value) { labels.put(name, value); return this; }
        public Builder limits(Limits v) { limits = v; return this; }

        public ImageBuild build() {
            return new ImageBuild(image, baseImage, workdir, sourceDir, caBundle, steps, stepTimeout, env, buildEnv,
                    labels, limits);
        }
    }
}
