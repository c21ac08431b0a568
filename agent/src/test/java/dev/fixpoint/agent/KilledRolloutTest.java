package dev.fixpoint.agent;

import dev.fixpoint.agent.trajectory.ReplayModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** A rollout whose JVM is killed mid-step leaves a trajectory whose finished steps are readable and replayable. */
class KilledRolloutTest {

    @Test
    void killedRolloutLeavesAReadableTrajectory(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo")), trajectory = dir.resolve("t.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledRolloutMain.class.getName(),
                repo.toString(), trajectory.toString(), dir.resolve("state").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines(trajectory) < 3) {
                assertTrue(p.isAlive(), "child died early: " + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no steps recorded in time");
                Thread.sleep(50);
            }
            Thread.sleep(300); // the third step is now hanging in its bash call
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(trajectory);
        assertEquals(3, lines.size(), "start and two steps, nothing of the killed step");
        var json = new ObjectMapper();
        for (String l : lines) assertTrue(json.readTree(l).has("type"));
        assertEquals("step", json.readTree(lines.get(2)).get("type").asText());
        assertEquals(2, ReplayModel.fromFile(trajectory).remaining());
    }

    private static long lines(Path f) throws Exception {
        return Files.exists(f) ? Files.readAllLines(f).size() : 0;
    }
}
