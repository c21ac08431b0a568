package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fixpoint.tasks.testing.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoCacheTest {

    @TempDir
    Path tmp;

    private GitFixture source;
    private String first;
    private Path mirrorMap;
    private Path cacheDir;

    @BeforeEach
    void setUp() throws IOException {
        source = GitFixture.init(tmp.resolve("work/pycart"));
        first = source.write("cart.py", "def total(items):\n    return sum(items)\n").commit("initial");
        source.bundle(tmp.resolve("samples/repos/pycart.bundle"));
        mirrorMap = Files.writeString(tmp.resolve("samples/mirrors.json"),
                "{\"acme/pycart\": \"repos/pycart.bundle\", \"acme/gone\": \"repos/gone.bundle\"}");
        cacheDir = tmp.resolve("cache");
    }

    @AfterEach
    void tearDown() {
        source.close();
    }

    private RepoCache cache() {
        return RepoCache.open(cacheDir, RepoLocator.fromMirrorFile(mirrorMap));
    }

    private static Task task(String id, String repo, String commit) {
        return Task.builder().instanceId(id).repo(repo).baseCommit(commit).build();
    }

    /** pycart's mirror in {@code cache}, prepared and then damaged (its objects deleted). */
    private Path damagedMirror(RepoCache cache) throws IOException {
        cache.prepare(task("pycart-1", "acme/pycart", first));
        Path mirror = cache.mirrorPath("acme/pycart");
        Workspace.deleteTree(mirror.resolve("objects"));
        return mirror;
    }

    @Test
    void checksOutFromABundleNamedInTheMirrorMap() throws IOException {
        try (Workspace ws = cache().checkout(task("pycart-1", "acme/pycart", first))) {
            assertEquals("def total(items):\n    return sum(items)\n", Files.readString(ws.directory().resolve("cart.py")));
        }
        assertEquals(List.of(cache().mirrorPath("acme/pycart")), mirrors());
        assertTrue(cache().mirrorPath("acme/pycart").getFileName().toString().startsWith("acme_pycart-"));
    }

    @Test
    void aBareRepositoryOrAFileUrlWorksAsALocation() throws IOException {
        Path bare = source.bareClone(tmp.resolve("srv/pycart.git"));
        RepoCache cache = RepoCache.open(cacheDir, RepoLocator.withMirrors(java.util.Map.of("acme/bare", bare.toString())));

        try (Workspace fromBare = cache.checkout(task("bare-1", "acme/bare", first));
                Workspace fromUrl = cache.checkout(task("url-1", bare.toUri().toString(), first))) {
            assertTrue(Files.exists(fromBare.directory().resolve("cart.py")));
            assertTrue(Files.exists(fromUrl.directory().resolve("cart.py")));
        }
        assertEquals(2, mirrors().size(), "one mirror per location");
    }

    @Test
    void theMirrorIsFetchedOnceAndSharedByLaterCaches() throws IOException {
        cache().prepare(task("pycart-1", "acme/pycart", first));
        Files.delete(tmp.resolve("samples/repos/pycart.bundle")); // a second fetch would now fail

        try (Workspace ws = cache().checkout(task("pycart-1", "acme/pycart", first.substring(0, 12)))) {
            assertEquals(first, ws.baseCommit(), "an abbreviated id resolves to the full one");
        }
        assertEquals(1, mirrors().size());
    }

    @Test
    void fetchesAgainWhenTheBaseCommitIsNewerThanTheMirror() {
        RepoCache cache = cache();
        cache.prepare(task("pycart-1", "acme/pycart", first));
        String second = source.write("cart.py", "def total(items):\n    return sum(items or [])\n").commit("fix");
        source.bundle(tmp.resolve("samples/repos/pycart.bundle"));

        try (Workspace ws = cache.checkout(task("pycart-2", "acme/pycart", second))) {
            assertEquals(second, ws.baseCommit());
        }
    }

    @Test
    void aMissingCommitNamesTaskRepoAndLocation() {
        String bogus = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";

        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> cache().checkout(task("pycart-9", "acme/pycart", bogus)));

        assertEquals(WorkspaceException.Reason.MISSING_COMMIT, e.reason());
        assertTrue(e.getMessage().startsWith("pycart-9: commit " + bogus + " is not in repo acme/pycart"), e.getMessage());
        assertTrue(e.getMessage().contains(tmp.resolve("samples/repos/pycart.bundle").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("Check the task's base_commit"), e.getMessage());
    }

    @Test
    void anUnreachableRepoNamesTaskRepoAndLocationAndLeavesNoMirror() throws IOException {
        WorkspaceException missingBundle = assertThrows(WorkspaceException.class,
                () -> cache().checkout(task("gone-1", "acme/gone", first)));
        assertEquals(WorkspaceException.Reason.UNREACHABLE_REPO, missingBundle.reason());
        assertTrue(missingBundle.getMessage().startsWith("gone-1: cannot fetch repo acme/gone from "
                + tmp.resolve("samples/repos/gone.bundle") + " (mirror_map): "), missingBundle.getMessage());

        WorkspaceException refused = assertThrows(WorkspaceException.class,
                () -> cache().checkout(task("net-1", "http://127.0.0.1:9/acme/pycart.git", first)));
        assertEquals(WorkspaceException.Reason.UNREACHABLE_REPO, refused.reason());
        assertTrue(refused.getMessage().startsWith("net-1: cannot fetch repo http://127.0.0.1:9/acme/pycart.git"),
                refused.getMessage());

        assertEquals(List.of(), mirrors());
        try (Stream<Path> left = Files.list(cacheDir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no half-made mirrors");
        }
    }

    @Test
    void aRepoStringThatIsNothingIsABadLocation() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> cache().checkout(task("x-1", "not a repo at all", first)));
        assertEquals(WorkspaceException.Reason.BAD_LOCATION, e.reason());
        assertTrue(e.getMessage().contains("not a repo at all"), e.getMessage());
    }

    @Test
    void aDamagedMirrorIsReportedWhenRepairIsOff() throws IOException {
        RepoCache cache = cache();
        Path mirror = damagedMirror(cache);

        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> cache.repairCorrupt(false).checkout(task("pycart-1", "acme/pycart", first)));

        assertEquals(WorkspaceException.Reason.CORRUPT_MIRROR, e.reason());
        assertTrue(e.getMessage().startsWith("pycart-1: mirror " + mirror + " of repo acme/pycart is damaged: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("Delete it to re-clone from " + tmp.resolve("samples/repos/pycart.bundle")),
                e.getMessage());
        assertFalse(Files.exists(mirror.resolve("objects")), "left as found for inspection");
    }

    @Test
    void aDamagedMirrorIsReclonedByDefault() throws IOException {
        RepoCache cache = cache();
        Path mirror = damagedMirror(cache);

        try (Workspace ws = cache.checkout(task("pycart-1", "acme/pycart", first))) {
            assertTrue(Files.exists(ws.directory().resolve("cart.py")));
        }
        assertTrue(Files.isDirectory(mirror.resolve("objects")));
        assertEquals(List.of(mirror), mirrors());
    }

    @Test
    void aMirrorWithGarbagePacksIsRepaired() throws IOException {
        RepoCache cache = cache();
        cache.prepare(task("pycart-1", "acme/pycart", first));
        Path mirror = cache.mirrorPath("acme/pycart");
        List<Path> packs;
        try (Stream<Path> s = Files.list(mirror.resolve("objects/pack"))) {
            packs = s.filter(p -> p.toString().endsWith(".pack")).toList();
        }
        assertFalse(packs.isEmpty());
        for (Path pack : packs) {
            Files.write(pack, "this is not a pack file".getBytes(StandardCharsets.UTF_8));
        }

        try (Workspace ws = cache.checkout(task("pycart-1", "acme/pycart", first))) {
            assertEquals("def total(items):\n    return sum(items)\n", Files.readString(ws.directory().resolve("cart.py")));
        }
    }

    @Test
    void concurrentFirstCheckoutsCloneOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    try (Workspace ws = cache().checkout(task("pycart-" + n, "acme/pycart", first))) {
                        return Files.readString(ws.directory().resolve("cart.py"));
                    }
                }));
            }
            for (Future<String> r : results) {
                assertEquals("def total(items):\n    return sum(items)\n", r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mirrors().size());
    }

    @Test
    void twoProcessesShareOneMirror() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CachePrepareMain.class.getName(),
                    cacheDir.toString(), mirrorMap.toString(), "acme/pycart", first)
                    .redirectErrorStream(true).start());
        }
        for (Process p : processes) {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(out.contains("prepared " + first), out);
        }
        assertEquals(1, mirrors().size());
    }

    private List<Path> mirrors() throws IOException {
        if (!Files.isDirectory(cacheDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cacheDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".git")).toList();
        }
    }
}
