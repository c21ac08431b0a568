package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecRequest;
import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exit codes, streams, stdin, env, workdir through the runner, in one shared sandbox. */
@Tag("docker")
class ExecBasicsTest {

    static DockerTestSupport docker;
    static Sandbox box;
    static final Duration T = Duration.ofSeconds(20);

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-basics");
        box = docker.provider().start(docker.spec(DockerTestSupport.BASE).workdir("/work")
                .env("GREETING", "hello world").build());
    }

    @AfterAll
    static void down() {
        try {
            box.close();
            box.close(); // idempotent
            assertEquals(0, docker.leftovers().size(), "leftover containers");
        } finally {
            docker.close();
        }
    }

    @Test
    void exitCodes() {
        assertEquals(0, box.exec("true", T).exitCode());
        assertEquals(1, box.exec("false", T).exitCode());
        assertEquals(42, box.exec("exit 42", T).exitCode());
        assertEquals(127, box.exec("no-such-command-xyz", T).exitCode());
        ExecResult killed = box.exec("kill -9 $$", T);
        assertEquals(137, killed.exitCode());
        assertFalse(killed.timedOut());
    }

    @Test
    void separateStreams() {
        ExecResult r = box.exec("echo out; echo err >&2; printf 'no newline'", T);
        assertEquals("out\nno newline", r.stdout());
        assertEquals("err\n", r.stderr());
        assertTrue(r.ok());
    }

    @Test
    void multiLineCommandsAndQuotes() {
        ExecResult r = box.exec("x='it''s'\nif [ -n \"$x\" ]; then\n  echo \"$x\"\nfi\ncat <<'EOF'\n$HOME `x`\nEOF", T);
        assertEquals("its\n$HOME `x`\n", r.stdout());
    }

    @Test
    void stdin() {
        byte[] data = "line one\nline two\n\u00e9".getBytes(StandardCharsets.UTF_8);
        ExecResult r = box.exec(ExecRequest.of("cat; echo; wc -l", T).withStdin(data));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("line one\nline two\n\u00e9\n"), r.stdout());
        // no stdin given: reads EOF at once
        assertEquals("0\n", box.exec("wc -c", T).stdout());
        // binary stdin survives
        byte[] bin = new byte[256];
        for (int i = 0; i < 256; i++) bin[i] = (byte) i;
        assertEquals("256\n", box.exec(ExecRequest.of("wc -c", T).withStdin(bin)).stdout());
    }

    @Test
    void envIsOnlyWhatTheSpecAndRequestName() {
        ExecResult r = box.exec(ExecRequest.of("env", T).withEnv(Map.of("EXTRA", "a'b\nc")));
        Set<String> keys = new HashSet<>();
        for (String line : r.stdout().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) keys.add(line.substring(0, eq));
        }
        // Spec and request variables, the image's own (LANG, PATH), and what Docker and sh always set.
        Set<String> allowed = Set.of("GREETING", "EXTRA", "PATH", "HOME", "HOSTNAME", "LANG", "PWD", "SHLVL", "_",
                "OLDPWD");
        assertTrue(allowed.containsAll(keys), "unexpected variables: " + keys);
        assertTrue(keys.containsAll(Set.of("GREETING", "EXTRA")), keys.toString());
        assertEquals("hello world|a'b\nc\n", box.exec(ExecRequest.of("printf '%s|%s\\n' \"$GREETING\" \"$EXTRA\"", T)
                .withEnv(Map.of("EXTRA", "a'b\nc"))).stdout());
        // per-request env does not stick
        assertEquals("\n", box.exec("echo \"$EXTRA\"", T).stdout());
    }

    @Test
    void workdir() {
        assertEquals("/work\n", box.exec("pwd", T).stdout());
        assertEquals("/tmp\n", box.exec(ExecRequest.of("pwd", T).withWorkdir("/tmp")).stdout());
        ExecResult bad = box.exec(ExecRequest.of("pwd", T).withWorkdir("/no/such/dir"));
        assertEquals(126, bad.exitCode());
        assertTrue(bad.stderr().contains("/no/such/dir"), bad.stderr());
        assertEquals("/work\n", box.exec("cd /; pwd >/dev/null; pwd", T).stdout().isEmpty() ? "" : box.exec("pwd", T).stdout());
    }

    @Test
    void manyQuickExecs() {
        for (int i = 0; i < 200; i++) {
            ExecResult r = box.exec("echo " + i, T);
            assertEquals(i + "\n", r.stdout());
        }
    }

    @Test
    void backgroundLeftoversAreKilled() {
        ExecResult r = box.exec("sleep 300 & echo started", T);
        assertEquals("started\n", r.stdout());
        ExecResult ps = box.exec("ps -eo comm", T);
        assertFalse(Arrays.asList(ps.stdout().split("\n")).contains("sleep") && ps.stdout().contains("sleep 300"),
                ps.stdout());
        assertEquals("", box.exec("ps -eo args | grep '^sleep 300' || true", T).stdout());
    }
}
