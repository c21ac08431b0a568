package dev.fixpoint.sandbox.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.sandbox.ExecResult;
import dev.fixpoint.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile commands every provider must survive, all in one sandbox started with {@link DockerTestSupport#TEST_LIMITS}
 * by the subclass: each must end with a clear result and leave the sandbox working, which
 * {@link #nextCommandStillWorks()} checks after every test. Bounds a provider cannot express (Docker's pids and
 * file-size limits) are tested by that provider's own subclass.
 */
public abstract class HostileCommandsContract {

    protected static final Duration T = Duration.ofSeconds(30);

    /** Bytes of output of the flood test (1 GiB; a provider whose stream is slower may flood less). */
    protected long floodBytes() {
        return 1L << 30;
    }

    /** The sandbox under attack (image {@link DockerTestSupport#BASE}, workdir /work, TEST_LIMITS). */
    protected abstract Sandbox box();

    @AfterEach
    void nextCommandStillWorks() {
        // SIGKILLed processes vanish once reaped, which on a loaded machine can take a moment: poll up to 5 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ExecResult r;
        String[] lines;
        do {
            r = box().exec("echo ok; ps -eo pid= | wc -l", T);
            assertEquals(0, r.exitCode(), r.stderr());
            lines = r.stdout().split("\n");
            assertEquals("ok", lines[0]);
        } while (Integer.parseInt(lines[1].trim()) > 8 && System.nanoTime() < deadline && pause());
        // keeper, its sleep, runner, and this command's sh + ps + wc
        assertTrue(Integer.parseInt(lines[1].trim()) <= 8, "processes left behind after 5 s: " + r.stdout()
                + box().exec("ps -eo pid,pgid,args", T).stdout());
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
        ExecResult r = box().exec("sleep 3600 & sleep 3600; echo never", Duration.ofMillis(700));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertEquals("", r.stdout());
        assertTrue(ms < 3000, "took " + ms + " ms");
        assertEquals("", box().exec("ps -eo args | grep '^sleep 3600' || true", T).stdout());
    }

    @Test
    void commandIgnoringSigtermIsKilled() {
        ExecResult r = box().exec("trap '' TERM INT HUP; echo trapped; while :; do :; done", Duration.ofSeconds(1));
        assertTrue(r.timedOut());
        assertEquals("trapped\n", r.stdout());
    }

    @Test
    void memoryBombIsReportedAsOom() {
        ExecResult r = box().exec("head -c 2000m /dev/zero | tail > /dev/null", T);
        assertTrue(r.oomKilled(), r.toString());
        assertEquals(137, r.exitCode());
        assertFalse(box().exec("true", T).oomKilled(), "OOM flag is per command");
    }

    @Test
    void gigabyteOfOutputIsCappedAndFlagged() {
        long t0 = System.nanoTime();
        // generous: the 1 GiB flood takes ~10 s alone and over a minute on a machine loaded 10x
        ExecResult r = box().exec("yes xxxxxxxxxxxxxxx | head -c " + floodBytes() + "; echo tail >&2", Duration.ofMinutes(4));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exitCode());
        assertTrue(r.truncated());
        assertEquals(DockerTestSupport.TEST_LIMITS.outputBytes(), r.stdout().length());
        assertEquals("tail\n", r.stderr());
        System.out.println((floodBytes() >> 20) + " MiB flood took " + ms + " ms");
    }

    @Test
    void hostFilesAreNotVisible() throws Exception {
        Path marker = Files.createTempFile("fixpoint-host-marker-", "-" + UUID.randomUUID());
        try {
            assertEquals(1, box().exec("test -e " + marker, T).exitCode());
            assertEquals(0, box().exec("grep -c " + marker.getFileName() + " /proc/mounts || true", T).stdout()
                    .trim().equals("0") ? 0 : 1);
        } finally {
            Files.delete(marker);
        }
    }

    @Test
    void privilegesAreDropped() {
        ExecResult status = box().exec("grep -E '^(CapEff|NoNewPrivs)' /proc/self/status", T);
        assertTrue(status.stdout().contains("NoNewPrivs:\t1"), status.stdout());
        // CHOWN(0) DAC_OVERRIDE(1) FOWNER(3) FSETID(4) KILL(5) SETGID(6) SETUID(7) NET_BIND_SERVICE(10)
        assertTrue(status.stdout().contains("CapEff:\t00000000000004fb"), status.stdout());
        assertEquals(0, box().exec("touch /tmp/o && chown 1234:1234 /tmp/o && rm /tmp/o", T).exitCode());
        assertNotEquals(0, box().exec("mknod /tmp/dev c 1 3", T).exitCode());
        assertNotEquals(0, box().exec("mount -t tmpfs none /mnt", T).exitCode());
    }

    @Test
    void runnerKilledByTheCommandIsRestarted() {
        ExecResult r = box().exec("echo before; kill -9 $PPID; sleep 1", T);
        assertEquals(-1, r.exitCode());
        assertTrue(r.stderr().contains("runner died"), r.stderr());
        assertEquals("after\n", box().exec("echo after", T).stdout());
    }

    @Test
    void processDetachedWithSetsidDiesWithItsCommand() {
        ExecResult r = box().exec("setsid sh -c 'while :; do echo leak; sleep 0.05; done' & sleep 0.3; echo started", T);
        assertTrue(r.stdout().contains("started"), r.toString());
        ExecResult next = box().exec("sleep 0.5; echo clean", T);
        assertEquals("clean\n", next.stdout(), "nothing of the detached loop reaches a later command");
        assertEquals("0\n", box().exec("ps -eo args | grep -c '[l]eak' || true", T).stdout(), "the loop is gone");
    }

    @Test
    void doubleForkedProcessDiesWithItsCommand() {
        box().exec("( ( while :; do echo leak >&2; sleep 0.05; done ) & ) ; sleep 0.3", T);
        ExecResult next = box().exec("sleep 0.5; echo clean", T);
        assertEquals("clean\n", next.stdout());
        assertEquals("", next.stderr(), "the orphaned loop is gone, not writing into later commands");
        assertEquals("0\n", box().exec("ps -eo args | grep -c '[l]eak' || true", T).stdout());
    }

    @Test
    void killingEveryProcessLeavesASandbox() {
        box().exec("kill -9 -1", T);
        assertEquals("alive\n", box().exec("echo alive", T).stdout());
        assertTrue(box().exec("ps -eo args", T).stdout().contains("sleep"), "lifetime timer re-armed");
    }
}
