package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readFile / writeFile / copyIn / copyOut / listFiles, as root and as an unprivileged user. */
@Tag("docker")
class FilesTest {

    static DockerTestSupport docker;
    static Sandbox box;
    static Sandbox nobody;
    static final Duration T = Duration.ofSeconds(20);

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-files");
        box = docker.provider().start(docker.spec(DockerTestSupport.BASE).workdir("/work").build());
        nobody = docker.provider().start(docker.spec(DockerTestSupport.BASE).workdir("/tmp")
                .user("nobody").build());
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Test
    void writeThenReadBinaryAndText() {
        byte[] bin = new byte[300_000];
        new Random(7).nextBytes(bin);
        box.writeFile("/work/a/b/c.bin", bin);
        assertArrayEquals(bin, box.readFile("/work/a/b/c.bin"));
        box.writeFile("rel.txt", "h\u00e9llo\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("h\u00e9llo\n", new String(box.readFile("/work/rel.txt"), StandardCharsets.UTF_8));
        box.writeFile("rel.txt", new byte[0]);
        assertEquals(0, box.readFile("rel.txt").length);
        box.writeFile("/work/it's a \"name\".txt", "q".getBytes(StandardCharsets.UTF_8));
        assertEquals("q", new String(box.readFile("it's a \"name\".txt"), StandardCharsets.UTF_8));
    }

    @Test
    void missingFileIsAClearError() {
        SandboxException e = assertThrows(SandboxException.class, () -> box.readFile("/no/such/file"));
        assertTrue(e.getMessage().contains(box.id().substring(0, 12)) && e.getMessage().contains("/no/such/file"),
                e.getMessage());
    }

    @Test
    void copyInAndOutRoundTrip(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("pkg/sub"));
        Files.writeString(src.resolve("README.md"), "readme\n");
        Files.writeString(src.resolve("pkg/sub/mod.py"), "print('x')\n");
        Files.writeString(src.resolve(".hidden"), "h");
        Path script = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\necho ran\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("README.md"));

        box.copyIn(src, "/work/repo");
        assertEquals(List.of(".hidden", "README.md", "pkg/sub/mod.py", "run.sh"), box.listFiles("/work/repo"));
        assertEquals("ran\n", box.exec("cd repo && ./run.sh && cat link >/dev/null", T).stdout());
        assertEquals("1777\n", box.exec("stat -c %a /tmp", T).stdout(), "copy into / must not touch /tmp");

        box.exec("echo changed > repo/README.md; mkdir -p repo/new; echo n > repo/new/f", T);
        Path out = tmp.resolve("out");
        box.copyOut("/work/repo", out);
        assertEquals("changed\n", Files.readString(out.resolve("README.md")));
        assertEquals("n\n", Files.readString(out.resolve("new/f")));
        assertTrue(Files.isSymbolicLink(out.resolve("link")));
        assertTrue(Files.isExecutable(out.resolve("run.sh")));
    }

    @Test
    void copyInToRelativeDirAndEmptyList(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("f"), "1");
        box.copyIn(tmp, "rel/dir");
        assertEquals(List.of("f"), box.listFiles("/work/rel/dir"));
        box.exec("mkdir -p /work/empty", T);
        assertEquals(List.of(), box.listFiles("/work/empty"));
        assertThrows(SandboxException.class, () -> box.listFiles("/no/such/dir"));
    }

    @Test
    void unprivilegedUserOwnsWhatIsCopiedIn(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("f.txt"), "x");
        nobody.copyIn(tmp, "/tmp/repo");
        assertEquals("65534\n", nobody.exec("id -u", T).stdout());
        assertEquals(0, nobody.exec("echo y >> repo/f.txt && touch repo/new", T).exitCode());
        nobody.writeFile("/tmp/sub/w.txt", "w".getBytes(StandardCharsets.UTF_8));
        assertEquals("w", new String(nobody.readFile("sub/w.txt"), StandardCharsets.UTF_8));
        assertThrows(SandboxException.class, () -> nobody.writeFile("/etc/passwd", new byte[1]));
    }
}
