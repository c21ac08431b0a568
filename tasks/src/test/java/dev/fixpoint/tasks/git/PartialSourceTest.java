package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors of a real partial clone, made with git itself: a bare "server" repository serving filters over
 * {@code file://}, and {@code git clone --bare --filter=blob:limit=1k} of it, which lacks the one large blob that a
 * later commit of main added (and the next one removed). Like the fetched google/gson: a full fetch from it fails,
 * the commits before the blob are complete.
 */
class PartialSourceTest {

    @TempDir
    Path tmp;

    private Path partial;
    private String base;
    private String fix;
    private String bigBlob;
    private String after;
    private String side;

    @BeforeEach
    void setUp() throws Exception {
        Path work = tmp.resolve("work");
        git(tmp, "init", "-q", "-b", "main", work.toString());
        git(work, "config", "user.email", "dev@example.com");
        git(work, "config", "user.name", "Dev");
        Files.writeString(work.resolve("calc.py"), "def add(a, b):\n    return a - b\n");
        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "base");
        base = git(work, "rev-parse", "HEAD");
        Files.writeString(work.resolve("calc.py"), "def add(a, b):\n    return a + b\n");
        git(work, "commit", "-q", "-am", "fix");
        fix = git(work, "rev-parse", "HEAD");
        byte[] big = new byte[8192];
        new Random(7).nextBytes(big);
        Files.write(work.resolve("big.bin"), big);
        git(work, "add", "big.bin");
        git(work, "commit", "-q", "-m", "add a binary");
        bigBlob = git(work, "rev-parse", "HEAD:big.bin");
        git(work, "rm", "-q", "big.bin");
        git(work, "commit", "-q", "-m", "remove the binary");
        after = git(work, "rev-parse", "HEAD");
        git(work, "checkout", "-q", "-b", "side", base);
        Files.writeString(work.resolve("notes.txt"), "side\n");
        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "side");
        side = git(work, "rev-parse", "HEAD");
        git(work, "checkout", "-q", "main");

        Path server = tmp.resolve("server.git");
        git(tmp, "clone", "-q", "--bare", work.toString(), server.toString());
        git(server, "config", "uploadpack.allowFilter", "true");
        partial = tmp.resolve("partial.git");
        git(tmp, "clone", "-q", "--bare", "--filter=blob:limit=1k", server.toUri().toString(), partial.toString());
        git(partial, "config", "--remove-section", "remote.origin"); // as fetched: promisor packs, no remote
        try (Stream<Path> packs = Files.list(partial.resolve("objects/pack"))) {
            assertTrue(packs.anyMatch(p -> p.toString().endsWith(".promisor")), "a partial clone has promisor packs");
        }
    }

    private RepoCache cache() {
        return RepoCache.open(tmp.resolve("cache"), RepoLocator.withMirrors(Map.of("acme/calc", partial.toString())));
    }

    private static Task task(String id, String commit, String setup) {
        return Task.builder().instanceId(id).repo("acme/calc").baseCommit(commit).environmentSetupCommit(setup).build();
    }

    @Test
    void aTasksCommitIsFetchedByIdWhenTheFullFetchFailsAndTheMirrorSaysWhy() throws Exception {
        RepoCache cache = cache();
        try (Workspace ws = cache.checkout(task("calc-1", base, null))) {
            assertEquals(base, ws.baseCommit());
            assertEquals("def add(a, b):\n    return a - b\n", Files.readString(ws.directory().resolve("calc.py")));
        }
        String config = Files.readString(cache.mirrorPath("acme/calc").resolve("config"));
        assertTrue(config.contains("fullFetchFailed"), config);
        assertTrue(config.contains("MissingObjectException: object " + bigBlob + " reachable from refs/heads/main"),
                config);
        assertTrue(config.contains("partial clone"), config);

        // A later commit of the same history comes by id as well, without another full fetch.
        try (Workspace ws = cache.checkout(task("calc-2", fix, null))) {
            assertEquals("def add(a, b):\n    return a + b\n", Files.readString(ws.directory().resolve("calc.py")));
        }
        assertNoLockFiles();

        // A commit behind the missing blob cannot come at all: the existing mirror is left as it was.
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> cache.prepare(task("calc-3", after, null)));
        assertEquals(WorkspaceException.Reason.MISSING_COMMIT, e.reason());
        assertTrue(e.getMessage().startsWith("calc-3: commit(s) " + after + " of repo acme/calc cannot be fetched from "
                + partial + ", which cannot serve a full fetch: by id: "), e.getMessage());
        assertTrue(e.getMessage().contains("MissingObjectException: object " + bigBlob), e.getMessage());
        assertEquals(fix, cache.prepare(task("calc-2", fix, null)));
        assertNoLockFiles();
    }

    @Test
    void aCommitBehindTheMissingObjectFailsNamingTheRealCause() throws Exception {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> cache().prepare(task("calc-9", after, null)));

        assertEquals(WorkspaceException.Reason.UNREACHABLE_REPO, e.reason());
        assertTrue(e.getMessage().startsWith("calc-9: cannot fetch repo acme/calc from " + partial), e.getMessage());
        assertTrue(e.getMessage().contains("remote: internal server error"), e.getMessage());
        assertTrue(e.getMessage().contains("the source's own fault: it is a partial clone (1 promisor packs):"
                + " MissingObjectException: object " + bigBlob + " reachable from refs/heads/main is missing from "
                + partial), e.getMessage());
        assertTrue(e.getMessage().contains("fetching only commit(s) " + after + " by id failed too"), e.getMessage());
        try (Stream<Path> left = Files.list(tmp.resolve("cache"))) {
            assertEquals(List.of(), left.toList(), "no mirror, no half-made mirror and no lock file");
        }
    }

    @Test
    void thePreflightFetchesEveryBaseAndSetupCommitInOneGo() throws Exception {
        RepoCache cache = cache();
        List<Task> tasks = List.of(task("calc-1", fix, base), task("calc-2", side, base));

        assertEquals(List.of(), RepoPreflight.check(cache, tasks));

        Path mirror = cache.mirrorPath("acme/calc");
        for (String c : List.of(fix, side, base)) {
            assertEquals(MirrorRepo.Probe.found(c), MirrorRepo.probe(mirror, c));
        }
        assertEquals(MirrorRepo.Probe.Status.MISSING, MirrorRepo.probe(mirror, after).status(), "only what tasks need");
        assertEquals(Map.of(), cache.prepareCommits("calc-1", "acme/calc", List.of(fix, side, base)));
        assertNoLockFiles();
    }

    @Test
    void oneUnknownCommitDoesNotKeepTheOthersOut() throws Exception {
        RepoCache cache = cache();
        String bogus = "0123456789abcdef0123456789abcdef01234567";

        assertEquals(List.of(), RepoPreflight.check(cache, List.of(task("calc-1", fix, null), task("calc-x", bogus, null))));

        Map<String, String> missing = cache.prepareCommits("calc-1", "acme/calc", List.of(fix, bogus));
        assertEquals(List.of(bogus), List.copyOf(missing.keySet()));
        assertTrue(missing.get(bogus).contains("fetching it by id failed"), missing.toString());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> cache.prepare(task("calc-x", bogus, null)));
        assertEquals(WorkspaceException.Reason.MISSING_COMMIT, e.reason());
        assertNoLockFiles();
    }

    @Test
    void aCompleteSourceIsStillClonedWhole() throws Exception {
        Path server = tmp.resolve("server.git");
        RepoCache cache = RepoCache.open(tmp.resolve("cache"), RepoLocator.withMirrors(Map.of("acme/calc", server.toString())));

        assertEquals(after, cache.prepare(task("calc-1", after, null)));

        assertFalse(Files.readString(cache.mirrorPath("acme/calc").resolve("config")).contains("fullFetchFailed"));
        assertEquals(side, MirrorRepo.probe(cache.mirrorPath("acme/calc"), "refs/heads/side").commit());
        assertNoLockFiles();
    }

    private void assertNoLockFiles() throws IOException {
        try (Stream<Path> s = Files.walk(tmp.resolve("cache"))) {
            List<Path> locks = s.filter(p -> p.getFileName().toString().endsWith(".lock")).toList();
            assertEquals(List.of(), locks);
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "protocol.file.allow=always"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile().isDirectory() ? dir.toFile() : dir.getParent().toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "git " + args[0] + " timed out");
        assertEquals(0, p.exitValue(), "git " + String.join(" ", args) + ": " + out);
        return out;
    }
}
