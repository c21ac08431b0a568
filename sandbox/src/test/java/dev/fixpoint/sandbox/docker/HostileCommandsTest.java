package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import dev.fixpoint.sandbox.testing.HostileCommandsContract;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile commands, all in one sandbox (limits: {@link DockerTestSupport#TEST_LIMITS}): each must end with a
 * clear result and leave the sandbox working, which {@link #nextCommandStillWorks()} checks after every test. The
 * provider-independent ones are inherited from {@link HostileCommandsContract}; here are Docker's own bounds (pids,
 * file size, disk watch, network "none").
 */
@Tag("docker")
@Tag("hostile-sandbox")
class HostileCommandsTest extends HostileCommandsContract {

    static DockerTestSupport docker;
    static Sandbox box;

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-hostile");
        box = docker.provider().start(docker.spec(DockerTestSupport.BASE).workdir("/work").build());
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @Override
    protected Sandbox box() {
        return box;
    }

    @Test
    void backgroundForkBombEndsWithItsCommand() {
        // the bomb runs on in the command's process group; the runner kills the group when the command ends. It is
        // started by one fork of the command's shell, so that shell's echo never races the bomb for a free pid (with
        // `b; echo` the shell's second fork could fail once the first child had taken every pid, and bash then gave
        // up on the whole command list: seen under load as an empty output)
        ExecResult r = box.exec("( b() { b | b & }; b ) & echo started", T);
        assertFalse(r.timedOut());
        assertEquals("started\n", r.stdout());
    }

    @Test
    void foregroundForkBombHitsThePidsLimit() {
        // dash gives up when fork fails ("Cannot fork") and the bomb collapses by itself
        ExecResult dash = box.exec("b() { b | b; }; b", Duration.ofSeconds(10));
        assertTrue(dash.timedOut() || dash.exitCode() != 0, dash.toString());
        assertTrue(dash.stderr().contains("fork"), dash.stderr());
    }

    @Test
    void persistentForkBombIsKilledAtTimeoutWhileThePidsLimitIsExhausted() {
        // bash retries failed forks, so the pids limit stays exhausted until the keeper kills the group
        ExecResult bash = box.exec("exec bash -c 'b() { b | b; }; b'", Duration.ofSeconds(3));
        assertTrue(bash.timedOut(), bash.toString().substring(0, Math.min(500, bash.toString().length())));
    }

    @Test
    void bigFileWriteIsBoundedByTheFileSizeLimit() {
        // the file stops at the file-size limit, or the command is stopped by the sandbox's disk limit (equal here)
        ExecResult r = box.exec("head -c 5G /dev/zero > /tmp/big; echo exit=$?", T);
        String size = box.exec("stat -c %s /tmp/big", T).stdout().trim();
        box.exec("rm -f /tmp/big", T);
        assertFalse(r.stdout().contains("exit=0"), r.toString());
        assertTrue(Long.parseLong(size) <= DockerTestSupport.TEST_LIMITS.diskBytes(), size);
    }

    @Test
    void filesUnderTheFileSizeLimitAreBoundedInTotal() {
        // TEST_LIMITS: 256 MiB per sandbox; five files of 100 MiB each are each allowed by the file-size limit
        ExecResult r = box.exec("for i in 1 2 3 4 5; do head -c 100M /dev/zero > /tmp/f$i; sleep 1; done; echo all written", T);
        long written = Long.parseLong(box.exec("cat /tmp/f* | wc -c", T).stdout().trim());
        box.exec("rm -f /tmp/f*", T);
        assertTrue(r.diskFull(), r.toString());
        assertFalse(r.stdout().contains("all written"), "the command was stopped: " + r.stdout());
        assertTrue(r.stderr().contains("over its disk limit of " + DockerTestSupport.TEST_LIMITS.diskBytes()), r.stderr());
        assertTrue(written < 5L * 100 << 20, "stopped before writing everything: " + written);
        assertFalse(box.exec("echo after", T).diskFull(), "deleting the files brings the sandbox back under its limit");
    }

    @Test
    void aShortCommandOverTheLimitIsFlaggedAfterItEnds() throws InterruptedException {
        Thread.sleep(1100); // the after-command check runs at most once per interval
        ExecResult r = box.exec("head -c 150M /dev/zero > /tmp/a; head -c 150M /dev/zero > /tmp/b; echo done", T);
        box.exec("rm -f /tmp/a /tmp/b", T);
        // checked after it ended (or, on a slow disk, stopped while it ran): flagged either way
        assertTrue(r.diskFull(), r.toString());
        assertTrue(r.stderr().contains("over its disk limit") && r.stderr().contains("delete files to go on"), r.stderr());
    }

    @Test
    void networkIsOff() {
        ExecResult r = box.exec("timeout 5 bash -c 'echo x > /dev/tcp/1.1.1.1/53'", T);
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("unreachable") || r.stderr().contains("connect"), r.stderr());
        assertEquals("lo\n", box.exec("ls /sys/class/net", T).stdout());
    }
}
