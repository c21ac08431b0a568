package dev.fixpoint.tasks.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.tasks.git.AppliedFile;
import dev.fixpoint.tasks.git.FileDiff;
import dev.fixpoint.tasks.git.ParsedPatch;
import dev.fixpoint.tasks.git.Patch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Real patches (SWE-bench Lite sympy rows: gold and test patches, and public agents' predictions, from
 * {@code ../shared/real/sympy}) applied to their base files read from the sympy mirror, with our patch library and,
 * as the oracle, with {@code git apply} in a scratch directory holding the same base files. Not for CI: it needs the
 * rows and the fetched mirror ({@link #missing()} says which is absent).
 */
final class RealPatches implements AutoCloseable {

    static final Path ROWS = Path.of(System.getProperty("fixpoint.real.sympy", "/work/shared/real/sympy"));
    static final Path MIRROR = Path.of(System.getProperty("fixpoint.sympy.mirror", "/work/.mirror/sympy+sympy/repo"));

    /** One patch of a row: its origin ({@code gold}, {@code test} or a prediction run's name). */
    record Candidate(String label, String instanceId, String baseCommit, String patch) {
        String name() {
            return instanceId + " " + label;
        }
    }

    /**
     * Both results for one patch.
     *
     * @param ours      post-image per path ({@code null} content for a deleted file), or empty when ours failed
     * @param git       the same from {@code git apply}, or empty when it failed
     * @param problems  why ours failed (parse or apply); empty when it applied
     * @param oursNanos time of our parse and apply (base files already read)
     * @param oursCpuNanos CPU time of the same (this thread), apart from waiting on a busy machine
     * @param gitNanos  time of {@code git apply} (one process, base files already written)
     */
    record Outcome(Candidate candidate, Optional<Map<String, String>> ours, Optional<Map<String, String>> git,
                   List<String> problems, long oursNanos, long oursCpuNanos, long gitNanos) {
        boolean agree() {
            return ours.equals(git);
        }
    }

    private final Repository mirror;
    private final Map<String, Optional<String>> blobs = new HashMap<>();

    RealPatches() throws IOException {
        mirror = new FileRepositoryBuilder().setGitDir(MIRROR.toFile()).setMustExist(true).build();
    }

    /** Why the real data cannot be used here, or empty when rows and mirror are both present. */
    static Optional<String> missing() {
        if (!Files.isRegularFile(ROWS.resolve("tasks.jsonl"))) {
            return Optional.of("no real rows at " + ROWS + " (set -Dfixpoint.real.sympy=DIR)");
        }
        if (!Files.isDirectory(MIRROR.resolve("objects"))) {
            return Optional.of("no sympy mirror at " + MIRROR + " (fetch github:sympy/sympy with the search tool, or"
                    + " set -Dfixpoint.sympy.mirror=DIR)");
        }
        return Optional.empty();
    }

    /** Every gold and test patch of the rows, then every non-empty prediction, in file order. */
    static List<Candidate> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> baseOf = new HashMap<>();
        List<Candidate> all = new ArrayList<>();
        for (String line : Files.readAllLines(ROWS.resolve("tasks.jsonl"))) {
            JsonNode row = json.readTree(line);
            String id = row.get("instance_id").asText();
            String base = row.get("base_commit").asText();
            baseOf.put(id, base);
            all.add(new Candidate("gold", id, base, row.get("patch").asText()));
            all.add(new Candidate("test", id, base, row.get("test_patch").asText()));
        }
        List<Path> runs;
        try (Stream<Path> files = Files.list(ROWS.resolve("predictions"))) {
            runs = files.filter(p -> p.toString().endsWith(".jsonl")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path run : runs) {
            for (String line : Files.readAllLines(run)) {
                JsonNode row = json.readTree(line);
                String id = row.get("instance_id").asText();
                String patch = row.path("model_patch").asText("");
                if (!patch.isBlank() && baseOf.containsKey(id)) {
                    all.add(new Candidate(row.get("model_name_or_path").asText(), id, baseOf.get(id), patch));
                }
            }
        }
        return all;
    }

    /** Applies one patch both ways; {@code scratch} must be an empty directory. */
    Outcome check(Candidate candidate, Path scratch) throws IOException, InterruptedException {
        ParsedPatch parsed = Patch.read(candidate.patch());
        Map<String, Optional<String>> bases = new TreeMap<>();
        for (FileDiff diff : parsed.patch().diffs()) {
            if (diff.oldPath() != null) {
                bases.put(diff.oldPath(), blob(candidate.baseCommit(), diff.oldPath()));
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        ParsedPatch timed = Patch.read(candidate.patch());
        List<String> problems = new ArrayList<>(timed.problems());
        Map<String, String> ours = new TreeMap<>();
        for (FileDiff diff : timed.patch().diffs()) {
            AppliedFile applied = diff.applyTo(diff.isNewFile() ? Optional.empty() : bases.get(diff.oldPath()));
            if (!applied.applied()) {
                problems.add(applied.problem());
            }
            if (diff.oldPath() != null && !diff.oldPath().equals(diff.newPath())) {
                ours.put(diff.oldPath(), null);
            }
            if (diff.newPath() != null) {
                ours.put(diff.newPath(), applied.postImage().orElse(null));
            }
        }
        long oursNanos = System.nanoTime() - t0;
        long oursCpuNanos = cpu.getCurrentThreadCpuTime() - c0;

        for (Map.Entry<String, Optional<String>> base : bases.entrySet()) {
            if (base.getValue().isPresent()) {
                Path file = scratch.resolve(base.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, base.getValue().get());
            }
        }
        Path patchFile = scratch.resolve(".candidate.patch");
        Files.writeString(patchFile, candidate.patch());
        long t1 = System.nanoTime();
        Process git = new ProcessBuilder("git", "apply", "--whitespace=nowarn", patchFile.toString())
                .directory(scratch.toFile()).redirectErrorStream(true).start();
        git.getInputStream().readAllBytes();
        if (!git.waitFor(60, TimeUnit.SECONDS)) {
            git.destroyForcibly();
            throw new IOException("git apply of " + candidate.name() + " did not finish in 60 s");
        }
        long gitNanos = System.nanoTime() - t1;
        Optional<Map<String, String>> byGit = Optional.empty();
        if (git.exitValue() == 0) {
            Map<String, String> files = new TreeMap<>();
            for (String path : ours.keySet()) {
                Path file = scratch.resolve(path);
                files.put(path, Files.isRegularFile(file) ? Files.readString(file) : null);
            }
            byGit = Optional.of(files);
        }
        return new Outcome(candidate, problems.isEmpty() ? Optional.of(ours) : Optional.empty(), byGit, problems,
                oursNanos, oursCpuNanos, gitNanos);
    }

    private Optional<String> blob(String commit, String path) {
        return blobs.computeIfAbsent(commit + ":" + path, key -> {
            try (RevWalk walk = new RevWalk(mirror)) {
                RevTree tree = walk.parseCommit(ObjectId.fromString(commit)).getTree();
                try (TreeWalk file = TreeWalk.forPath(mirror, path, tree)) {
                    return file == null ? Optional.empty() : Optional.of(new String(
                            mirror.open(file.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " at " + commit + " from " + MIRROR, e);
            }
        });
    }

    @Override
    public void close() {
        mirror.close();
    }
}
