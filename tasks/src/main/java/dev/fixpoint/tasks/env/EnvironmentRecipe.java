package dev.fixpoint.tasks.env;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.tasks.TasksJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to build one environment image: start from {@code baseImage} with network on, install {@code packages} with
 * apt-get, run {@code install} in {@code workdir}, and commit the result, with {@code env} in its configuration, as
 * {@link #image()}.
 *
 * <p>An environment image holds what the install needs and never a source tree where the instance tree goes: a
 * recipe without install commands gets no source at all ({@link #needsSource()}); one with install commands gets
 * the repository at {@code sourceCommit} in {@code workdir}, with its {@code .git} (setuptools_scm and the like read
 * it), for the install only: afterwards every file of that checkout is deleted again, with {@code .git} and the
 * directories left empty, so that only what the install made there stays (egg-info, compiled extensions). Each
 * task's tree at its base commit then goes over it (instance images, grading sandboxes), and files of the setup
 * commit that the base commit lacks cannot show up there. Both are checked before use (the exact-tree check).
 *
 * <p>The image name is {@code fixpoint/env:<repo>-<version>-<hash>}, the hash covering every field but the
 * timeout and the origin, and a recipe format number: tasks of the same repository and version with the same
 * recipe and setup commit share one image, a changed recipe names a new one, and images of an older format (format
 * 1 kept the setup commit's tree in the workdir) are rebuilt under new names.
 *
 * @param repo           the repository as the tasks name it
 * @param version        the tasks' version ("" when they have none)
 * @param sourceCommit   commit copied in for the install: the tasks' environment_setup_commit, else their base commit
 * @param baseImage      image built upon (must exist locally)
 * @param workdir        absolute path of the repository inside the image
 * @param packages       Debian packages (apt-get install)
 * @param install        shell commands run in {@code workdir}
 * @param env            environment variables of the image
 * @param installTimeout bound of each build command
 * @param origin         where the recipe came from (spec file and keys, or the built-in default), for messages
 */
public record EnvironmentRecipe(String repo, String version, String sourceCommit, String baseImage, String workdir,
                                List<String> packages, List<String> install, Map<String, String> env,
                                Duration installTimeout, String origin) {

    /** Image repository of environment images. */
    public static final String REPOSITORY = "fixpoint/env";
    /** Default bound of each build command. */
    public static final Duration DEFAULT_INSTALL_TIMEOUT = Duration.ofMinutes(30);
    private static final int FORMAT = 2;
    private static final ObjectMapper JSON = TasksJson.mapper();

    public EnvironmentRecipe {
        requireText(repo, "repo");
        version = version == null ? "" : version;
        requireText(sourceCommit, "source commit");
        requireText(baseImage, "base_image");
        if (workdir == null || !workdir.startsWith("/")) {
            throw new IllegalArgumentException("recipe workdir must be an absolute path, not: " + workdir);
        }
        packages = packages == null ? List.of() : List.copyOf(packages);
        install = install == null ? List.of() : List.copyOf(install);
        env = env == null ? Map.of() : Map.copyOf(new TreeMap<>(env));
        installTimeout = installTimeout == null ? DEFAULT_INSTALL_TIMEOUT : installTimeout;
        origin = origin == null ? "" : origin;
        for (String p : packages) {
            if (!p.matches("[a-z0-9][a-z0-9+.:=~-]*")) {
                throw new IllegalArgumentException("not a Debian package name: \"" + p + "\" (" + origin + ")");
            }
        }
    }

    private static void requireText(String v, String field) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("environment recipe " + field + " is missing");
        }
    }

    /** The content hash of the recipe (12 hex digits). */
    public String hash() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT).put("repo", repo).put("version", version).put("source_commit", sourceCommit)
                .put("base_image", baseImage).put("workdir", workdir);
        packages.forEach(n.putArray("packages")::add);
        install.forEach(n.putArray("install")::add);
        ObjectNode e = n.putObject("env");
        new TreeMap<>(env).forEach(e::put);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(n.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }

    /** {@code fixpoint/env:<repo>-<version>-<hash>}: a valid Docker tag (at most 128 characters). */
    public String image() {
        String slug = (lastSegments(repo) + (version.isEmpty() ? "" : "-" + version))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_").replaceAll("^[^a-z0-9_]+", "");
        if (slug.length() > 100) {
            slug = slug.substring(slug.length() - 100);
        }
        return REPOSITORY + ":" + (slug.isEmpty() ? "" : slug + "-") + hash();
    }

    /**
     * Whether the build needs the repository's files: only for install commands (packages and environment
     * variables do not read the tree).
     */
    public boolean needsSource() {
        return !install.isEmpty();
    }

    /** The shell command installing the packages, or empty when there are none. */
    public String packagesCommand() {
        if (packages.isEmpty()) {
            return "";
        }
        return "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "
                + String.join(" ", packages) + " && rm -rf /var/lib/apt/lists/*";
    }

    private static String lastSegments(String repo) {
        String trimmed = repo.replaceAll("[/\\\\]+$", "").replaceAll("\\.(git|bundle)$", "");
        String[] parts = trimmed.split("[/\\\\:]");
        return parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : trimmed;
    }
}
