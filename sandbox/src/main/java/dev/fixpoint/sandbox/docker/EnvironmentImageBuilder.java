package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Image;
import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.ImageBuild;
import dev.fixpoint.sandbox.ImageSummary;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.SandboxProvider;
import dev.fixpoint.sandbox.SandboxSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds environment images in a sandbox with network on, then commits the container. The committed image keeps
 * the sandbox's entrypoint (the keeper, which every Fixpoint sandbox replaces anyway): run it by hand with
 * {@code --entrypoint sh}.
 *
 * <p>An environment image never holds a source tree where the instance tree goes. When the build has a source
 * directory, it is copied in with its {@code .git} (tools such as setuptools_scm read it during the install), the
 * steps run, and then every file copied in is deleted again, with {@code .git} and the source directories left
 * empty: what remains in the workdir is only what the steps made there (egg-info, compiled extensions, build
 * directories). The instance tree of any commit then goes over a workdir holding no file of another commit.
 */
final class EnvironmentImageBuilder {

    /** Image label: the image was built by Fixpoint from a recipe (value: the image name). */
    static final String ENV_LABEL = "dev.fixpoint.env";
    static final String HOST_CA = "/tmp/fixpoint-host-ca.pem";
    static final String SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentImageBuilder.class);
    private static final int TAIL_LINES = 30;
    private static final Duration SHORT = Duration.ofMinutes(5);
    private static final String SOURCE_FILES = "/tmp/fixpoint-source-files";
    private static final String SOURCE_DIRS = "/tmp/fixpoint-source-dirs";
    /** Deletes the files copied in (NUL-separated list), {@code .git}, then the source directories left empty. */
    static final String REMOVE_SOURCE_SCRIPT = """
            set -e
            xargs -0 rm -rf -- < SOURCE_FILES
            rm -rf .git
            xargs -0 rmdir -- < SOURCE_DIRS 2>/dev/null || true
            rm -f SOURCE_FILES SOURCE_DIRS
            echo "left in the workdir (made by the steps): $(find . -mindepth 1 ! -type d | wc -l) file(s)"
            """.replace("SOURCE_FILES", SOURCE_FILES).replace("SOURCE_DIRS", SOURCE_DIRS);
    /** Splits the bundle into one file per certificate, then lets the image's own tools trust them. */
    static final String TRUST_SCRIPT = """
            set -e
            d=/usr/local/share/ca-certificates/fixpoint-host
            mkdir -p "$d"
            awk -v d="$d" '/-----BEGIN CERTIFICATE-----/ { n++; f = sprintf("%s/host-%04d.crt", d, n) } \
            f { print > f } /-----END CERTIFICATE-----/ { close(f); f = "" }' HOST_CA
            rm -f HOST_CA
            if command -v update-ca-certificates >/dev/null 2>&1; then
              update-ca-certificates >/dev/null 2>&1
              echo "trusted $(ls "$d" | wc -l) host CA certificate(s) (system store$([ -d /etc/ssl/certs/java ] && echo ' and JDK'))"
            else
              mkdir -p /etc/ssl/certs && cat "$d"/*.crt >> SYSTEM_BUNDLE
              echo "no update-ca-certificates: appended the host CA certificates to SYSTEM_BUNDLE"
            fi
            """.replace("HOST_CA", HOST_CA).replace("SYSTEM_BUNDLE", SYSTEM_BUNDLE);

    private final DockerClient docker;
    private final LocalImages images;
    private final SandboxProvider sandboxes;

    EnvironmentImageBuilder(DockerClient docker, LocalImages images, SandboxProvider sandboxes) {
        this.docker = docker;
        this.images = images;
        this.sandboxes = sandboxes;
    }

    boolean build(ImageBuild b, Consumer<String> log) {
        if (images.exists(b.image())) {
            log.accept(b.image() + ": exists, not building");
            return false;
        }
        long start = System.nanoTime();
        SandboxSpec.Builder sb = SandboxSpec.builder(b.baseImage()).workdir(b.workdir()).network(true)
                .limits(b.limits()).label(SandboxLabels.TASK, "env-build");
        b.env().forEach(sb::env);
        Map<String, String> stepEnv = new LinkedHashMap<>();
        SourceListing source;
        try {
            source = b.sourceDir() == null ? null : SourceListing.of(b.sourceDir());
        } catch (IOException e) {
            throw new SandboxException(b.image() + ": cannot list the source directory " + b.sourceDir() + ": "
                    + e.getMessage(), e);
        }
        try (Sandbox box = sandboxes.start(sb.build())) {
            String name = ContainerLauncher.shortId(box.id());
            log.accept(b.image() + ": building from " + b.baseImage() + " in container " + name + " (network on)");
            if (b.caBundle() != null) {
                box.writeFile(HOST_CA, Files.readAllBytes(b.caBundle()));
                run(box, b, "trust host CA bundle " + b.caBundle(), TRUST_SCRIPT, SHORT, Map.of(), log);
                stepEnv.put("SSL_CERT_FILE", SYSTEM_BUNDLE);
                stepEnv.put("PIP_CERT", SYSTEM_BUNDLE);
                stepEnv.put("REQUESTS_CA_BUNDLE", SYSTEM_BUNDLE);
            }
            if (source != null) {
                box.copyIn(b.sourceDir(), b.workdir());
                log.accept(b.image() + ": copied " + b.sourceDir() + " to " + b.workdir() + " (" + source.files().size()
                        + " files, with .git) for the steps");
            }
            stepEnv.putAll(b.buildEnv());
            int k = 0;
            for (String step : b.steps()) {
                k++;
                run(box, b, "step " + k + "/" + b.steps().size() + ": " + step, step, b.stepTimeout(), stepEnv, log);
            }
            if (source != null) {
                box.writeFile(SOURCE_FILES, source.filesNul());
                box.writeFile(SOURCE_DIRS, source.dirsNul());
                run(box, b, "remove the " + source.files().size() + " source files and .git from " + b.workdir()
                        + " (the instance tree goes there)", REMOVE_SOURCE_SCRIPT, SHORT, Map.of(), log);
            }
            Map<String, String> labels = new LinkedHashMap<>(b.labels());
            labels.put(ENV_LABEL, b.image());
            images.commit(box.id(), b.image(), b.workdir(), labels, "/bin/sh");
            log.accept(b.image() + ": committed in " + seconds(System.nanoTime() - start) + " s");
            LOG.info("{}: built {} from {} in {} s", name, b.image(), b.baseImage(), seconds(System.nanoTime() - start));
            return true;
        } catch (IOException e) {
            throw new SandboxException(b.image() + ": cannot read CA bundle " + b.caBundle() + ": " + e.getMessage(), e);
        } catch (DockerException e) {
            throw new SandboxException(b.image() + ": committing the build container failed: " + e.getMessage(), e);
        }
    }

    private static void run(Sandbox box, ImageBuild b, String what, String command, Duration timeout,
                            Map<String, String> env, Consumer<String> log) {
        log.accept(b.image() + ": " + what);
        ExecResult r = box.exec(ExecRequest.of(command, timeout).withEnv(env).withWorkdir(b.workdir()));
        r.combined().lines().forEach(line -> log.accept("  | " + line));
        if (!r.ok()) {
            List<String> lines = r.combined().lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
            throw new SandboxException(b.image() + ": " + what + (r.timedOut() ? " timed out after "
                    + timeout.toSeconds() + " s" : " failed with exit " + r.exitCode())
                    + (r.oomKilled() ? " (out of memory)" : "") + (tail.isEmpty() ? "" : "; last output:\n" + tail));
        }
        log.accept(b.image() + ": " + what + ": ok in " + seconds(r.duration().toNanos()) + " s");
    }

    void pull(String image) {
        try {
            if (!docker.pullImageCmd(image).start().awaitCompletion(30, TimeUnit.MINUTES)) {
                throw new SandboxException("pulling " + image + " took more than 30 minutes; gave up");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while pulling " + image, e);
        } catch (DockerException e) {
            throw new SandboxException("cannot pull " + image + " (is its registry reachable, and does it have that"
                    + " image?): " + e.getMessage(), e);
        }
    }

    List<ImageSummary> images(String repository) {
        List<ImageSummary> out = new ArrayList<>();
        for (Image i : docker.listImagesCmd().withReferenceFilter(repository).exec()) {
            String[] tags = i.getRepoTags() == null ? new String[0] : i.getRepoTags();
            for (String tag : tags) {
                if (tag.startsWith(repository + ":")) {
                    out.add(new ImageSummary(tag, i.getId(), Instant.ofEpochSecond(i.getCreated()),
                            i.getSize() == null ? 0 : i.getSize(), i.getLabels()));
                }
            }
        }
        out.sort(Comparator.comparing(ImageSummary::created).reversed().thenComparing(ImageSummary::name));
        return out;
    }

    /**
     * What a source directory holds, relative to it, {@code .git} left out: files (and symbolic links), and
     * directories deepest first.
     */
    record SourceListing(List<String> files, List<String> dirs) {

        static SourceListing of(Path dir) throws IOException {
            List<String> files = new ArrayList<>();
            List<String> dirs = new ArrayList<>();
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) return FileVisitResult.CONTINUE;
                    String rel = relative(dir, d);
                    if (rel.equals(".git")) return FileVisitResult.SKIP_SUBTREE;
                    dirs.add(rel);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String rel = relative(dir, f);
                    if (!rel.equals(".git")) files.add(rel); // a .git file: a worktree's pointer
                    return FileVisitResult.CONTINUE;
                }
            });
            dirs.sort(Comparator.reverseOrder()); // a directory's children sort after it: reversed, they come first
            return new SourceListing(List.copyOf(files), List.copyOf(dirs));
        }

        byte[] filesNul() {
            return nul(files);
        }

        byte[] dirsNul() {
            return nul(dirs);
        }

        private static byte[] nul(List<String> paths) {
            StringBuilder sb = new StringBuilder();
            paths.forEach(p -> sb.append("./").append(p).append('\0'));
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static String relative(Path root, Path p) {
            return root.relativize(p).toString().replace('\\', '/');
        }
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
