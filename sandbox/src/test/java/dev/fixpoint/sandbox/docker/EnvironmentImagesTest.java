package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.ImageBuild;
import dev.fixpoint.sandbox.ImageSummary;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Environment images: a recipe run with network on, committed, then used with network off. */
@Tag("docker")
class EnvironmentImagesTest {

    static DockerTestSupport docker;
    static final Duration T = Duration.ofSeconds(30);
    static final String TAG = "test-" + UUID.randomUUID().toString().substring(0, 8);
    static final List<String> made = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-envimages");
    }

    @AfterAll
    static void down() {
        try {
            made.forEach(docker.provider()::removeImage);
        } finally {
            docker.close();
        }
    }

    @Test
    void buildsOnceThenRunsOfflineWithoutTheSourceTree() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("app.txt"), "hello\n");
        Files.createDirectories(src.resolve("pkg/sub"));
        Files.writeString(src.resolve("pkg/sub/mod.py"), "x = 1\n");
        Files.createDirectories(src.resolve("pkg/data"));
        Files.writeString(src.resolve("pkg/data/table.csv"), "a,b\n");
        Files.createSymbolicLink(src.resolve("link.txt"), Path.of("app.txt"));
        Files.createDirectories(src.resolve(".git"));
        Files.writeString(src.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Path ca = Files.writeString(tmp.resolve("ca.pem"), selfSigned());
        String image = "fixpoint/env:" + TAG + "-a";
        made.add(image);
        // The step sees the source and its .git; it makes built.txt and a file inside a source directory.
        ImageBuild build = ImageBuild.builder(image, DockerTestSupport.BASE).workdir("/testbed").sourceDir(src)
                .caBundle(ca).steps(List.of("cat app.txt > built.txt && echo \"$GREETING $BUILD_ONLY\" >> built.txt"
                        + " && cat .git/HEAD >> built.txt && echo compiled > pkg/sub/mod.so"))
                .env(Map.of("GREETING", "hi")).buildEnv(Map.of("BUILD_ONLY", "b")).limits(DockerTestSupport.TEST_LIMITS)
                .label("dev.fixpoint.test", TAG).build();
        List<String> log = new ArrayList<>();

        assertTrue(docker.provider().build(build, log::add));
        assertTrue(log.stream().anyMatch(l -> l.contains("trusted 1 host CA certificate(s)")), String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.contains("remove the 4 source files and .git from /testbed")),
                String.join("\n", log));
        assertFalse(docker.provider().build(build, log::add), "second build reuses the image");

        try (Sandbox box = docker.provider().start(docker.spec(image).workdir("/testbed").build())) {
            ExecResult r = box.exec("cat built.txt; echo \"env=$GREETING;$BUILD_ONLY\"; find . | sort;"
                    + " ls /usr/local/share/ca-certificates/fixpoint-host; getent hosts deb.debian.org || echo offline", T);
            assertEquals("hello\nhi b\nref: refs/heads/main\nenv=hi;\n.\n./built.txt\n./pkg\n./pkg/sub\n"
                    + "./pkg/sub/mod.so\nhost-0001.crt\noffline\n", r.stdout(),
                    "only what the step made stays: no source file, no .git, no emptied directory; " + r.combined());
        }
        List<ImageSummary> listed = docker.provider().images("fixpoint/env");
        ImageSummary mine = listed.stream().filter(i -> i.name().equals(image)).findFirst().orElseThrow();
        assertEquals(TAG, mine.labels().get("dev.fixpoint.test"));
        assertEquals(image, mine.labels().get(EnvironmentImageBuilder.ENV_LABEL));
    }

    @Test
    void failingStepNamesImageStepExitAndOutput() {
        String image = "fixpoint/env:" + TAG + "-b";
        ImageBuild build = ImageBuild.builder(image, DockerTestSupport.BASE)
                .steps(List.of("true", "echo building; echo broken >&2; exit 3", "echo never"))
                .limits(DockerTestSupport.TEST_LIMITS).build();
        SandboxException e = assertThrows(SandboxException.class, () -> docker.provider().build(build, l -> { }));
        assertEquals(image + ": step 2/3: echo building; echo broken >&2; exit 3 failed with exit 3; last output:\n"
                + "building\nbroken", e.getMessage());
        assertFalse(docker.provider().imageExists(image));
        assertTrue(docker.leftovers().isEmpty(), "build container removed");
    }

    @Test
    void missingBaseImageAndUnreachableRegistry() {
        ImageBuild build = ImageBuild.builder("fixpoint/env:" + TAG + "-c", "fixpoint/nope:" + TAG).build();
        SandboxException e = assertThrows(SandboxException.class, () -> docker.provider().build(build, l -> { }));
        assertTrue(e.getMessage().contains("fixpoint/nope:" + TAG), e.getMessage());
        SandboxException pull = assertThrows(SandboxException.class,
                () -> docker.provider().pull("localhost:1/fixpoint/nope:" + TAG));
        assertTrue(pull.getMessage().startsWith("cannot pull localhost:1/fixpoint/nope:" + TAG), pull.getMessage());
    }

    /** A throwaway self-signed certificate (its content does not matter: it is only trusted, never used). */
    static String selfSigned() throws Exception {
        Path dir = Files.createTempDirectory("fixpoint-ca");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                "/CN=fixpoint-test", "-days", "1", "-keyout", dir.resolve("k.pem").toString(), "-out",
                dir.resolve("c.pem").toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) throw new IllegalStateException("openssl failed");
        return Files.readString(dir.resolve("c.pem"));
    }
}
