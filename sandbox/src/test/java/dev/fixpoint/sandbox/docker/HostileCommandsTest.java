package dev.fixpoint.sandbox.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.testing.DockerTestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile commands, all in one sandbox (limits: {@link DockerTestSupport#TEST_LIMITS}): each must end with a
 * clear result and leave the sandbox working, which {@link #nextCommandStillWorks()} checks after every test.
 */
@Tag("docker")
@Tag("hostile-sandbox")
class HostileCommandsTest {

    static DockerTestSupport docker;
    static Sandbox box;
    static final Duration T = Duration.ofSeconds(30);

    @BeforeAll
    static void up() {
        docker = DockerTestSupport.create("sandbox-hostile");
        box = docker.provider().start(docker.spec(DockerTestSupport.BASE).workdir("/work").build());
    }

    @AfterAll
    static void down() {
        docker.close();
    }

    @AfterEach
    void nextCommandStillWorks() {
        // SIGKILLed processes vanish once reaped, which on a loaded machine can take a moment: poll up to 5 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ExecResult r;
        String[] lines;
        do {
            r = box.exec("echo ok; ps -eo pid= | wc -l", T);
            assertEquals(0, r.exitCode(), r.stderr());
            lines = r.stdout().split("\n");
            assertEquals("ok", lines[0]);
        } while (Integer.parseInt(lines[1].trim()) > 8 && System.nanoTime() < deadline && pause());
        // keeper, its sleep, runner, and this command's sh + ps + wc
        assertTrue(Integer.parseInt(lines[1].trim()) <= 8, "processes left behind after 5 s: " + r.stdout()
                + box.exec("ps -eo pid,pgid,args", T).stdout());
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void sleepPastTimeoutIsKilledWithItsGroup() {
        long t0 = System.nanoTime();
        ExecResult r = box.exec("sleep 3600 & sleep 3600; echo never", Duration.ofMillis(700));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertEquals("", box.exec("ps -eo args | grep '^sleep 3600' || true", T).stdout());
    }

    @Test
    void commandIgnoringSigtermIsKilled() {
        ExecResult r = box.exec("trap '' TERM INT HUP; echo trapped; while :; do :; done", Duration.ofSeconds(1));
        assertTrue(r.timedOut());
        assertEquals("trapped\n", r.stdout());
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
    void memoryBombIsReportedAsOom() {
        ExecResult r = box.exec("head -c 2000m /dev/zero | tail > /dev/null", T);
        assertTrue(r.oomKilled(), r.toString());
        assertEquals(137, r.exitCode());
        assertFalse(box.exec("true", T).oomKilled(), "OOM flag is per command");
    }

    @Test
    void gigabyteOfOutputIsCappedAndFlagged() {
        long t0 = System.nanoTime();
        // generous: the flood takes ~10 s alone and over a minute on a machine loaded 10x
        ExecResult r = box.exec("yes xxxxxxxxxxxxxxx | head -c 1073741824; echo tail >&2", Duration.ofMinutes(4));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exitCode());
        assertTrue(r.truncated());
        assertEquals(DockerTestSupport.TEST_LIMITS.outputBytes(), r.stdout().length());
        assertEquals("tail\n", r.stderr());
        System.out.println("1 GiB flood took " + ms + " ms");
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

    @Test
    void hostFilesAreNotVisible() throws Exception {
        Path marker = Files.createTempFile("fixpoint-host-marker-", "-" + UUID.randomUUID());
        try {
            assertEquals(1, box.exec("test -e " + marker, T).exitCode());
            assertEquals(0, box.exec("grep -c " + marker.getFileName() + " /proc/mounts || true", T).stdout()
                    .trim().equals("0") ? 0 : 1);
        } finally {
            Files.delete(marker);
        }
    }

    @Test
    void privilegesAreDropped() {
        ExecResult status = box.exec("grep -E '^(CapEff|NoNewPrivs)' /proc/self/status", T);
        assertTrue(status.stdout().contains("NoNewPrivs:\t1"), status.stdout());
        // CHOWN(0) DAC_OVERRIDE(1) FOWNER(3) FSETID(4) KILL(5) SETGID(6) SETUID(7) NET_BIND_SERVICE(10)
        assertTrue(status.stdout().contains("CapEff:\t00000000000004fb"), status.stdout());
        assertEquals(0, box.exec("touch /tmp/o && chown 1234:1234 /tmp/o && rm /tmp/o", T).exitCode());
        assertNotEquals(0, box.exec("mknod /tmp/dev c 1 3", T).exitCode());
        assertNotEquals(0, box.exec("mount -t tmpfs none /mnt", T).exitCode());
    }

    @Test
    void runnerKilledByTheCommandIsRestarted() {
        ExecResult r = box.exec("echo before; kill -9 $PPID; sleep 1", T);
        assertEquals(-1, r.exitCode());
        assertTrue(r.stderr().contains("runner died"), r.stderr());
        assertEquals("after\n", box.exec("echo after", T).stdout());
    }

    @Test
    void processDetachedWithSetsidDiesWithItsCommand() {
        ExecResult r = box.exec("setsid sh -c 'while :; do echo leak; sleep 0.05; done' & sleep 0.3; echo started", T);
        assertTrue(r.stdout().contains("started"), r.toString());
        ExecResult next = box.exec("sleep 0.5; echo clean", T);
        assertEquals("clean\n", next.stdout(), "nothing of the detached loop reaches a later command");
        assertEquals("0\n", box.exec("ps -eo args | grep -c '[l]eak' || true", T).stdout(), "the loop is gone");
    }

    @Test
    void doubleForkedProcessDiesWithItsCommand() {
        box.exec("( ( while :; do echo leak >&2; sleep 0.05; done ) & ) ; sleep 0.3", T);
        ExecResult next = box.exec("sleep 0.5; echo clean", T);
        assertEquals("clean\n", next.stdout());
        assertEquals("", next.stderr(), "the orphaned loop is gone, not writing into later commands");
        assertEquals("0\n", box.exec("ps -eo args | grep -c '[l]eak' || true", T).stdout());
    }

    @Test
    void killingEveryProcessLeavesASandbox() {
        box.exec("kill -9 -1", T);
        assertEquals("alive\n", box.exec("echo alive", T).stdout());
        assertTrue(box.exec("ps -eo args", T).stdout().contains("sleep"), "lifetime timer re-armed");
    }
}
