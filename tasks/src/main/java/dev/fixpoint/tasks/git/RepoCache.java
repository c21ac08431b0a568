package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bare mirror per repository under a cache directory, fetched once and shared by every rollout and every
 * process: creating or fetching a mirror happens under a file lock, and a mirror is only ever replaced whole (built
 * in a temporary directory, then renamed). A base commit missing from a mirror triggers one more fetch before
 * failing. A damaged mirror is detected and re-cloned (or reported, if repair is off).
 *
 * <p>A source that cannot serve every branch and tag (a partial clone with objects missing behind some refs, such as
 * a fetched google/gson: the fetch fails with "remote: internal server error") still gives the commits tasks need:
 * they are fetched by id, the mirror remembers why (its config's {@code fixpoint.fullFetchFailed}) and fetches later
 * commits by id first. The source's own fault (which object is missing, behind which ref) is named in the warning
 * and in any error. No lock file outlives its lock ({@link MirrorLock}).
 *
 * <p>Mirrors live in {@code <cache>/<owner>_<name>-<hash of location>.git}. Thread-safe.
 */
public final class RepoCache {

    private static final Logger LOG = LoggerFactory.getLogger(RepoCache.class);
    /** Environment variable overriding the default cache directory. */
    public static final String CACHE_ENV = "FIXPOINT_CACHE";
    private static final int DEFAULT_FETCH_TIMEOUT_SECONDS = 600;
    private static final java.util.regex.Pattern FULL_ID = java.util.regex.Pattern.compile("[0-9a-fA-F]{40}");

    private final Path root;
    private final RepoLocator locator;
    private final boolean repairCorrupt;
    private final int fetchTimeoutSeconds;

    private RepoCache(Path root, RepoLocator locator, boolean repairCorrupt, int fetchTimeoutSeconds) {
        this.root = root.toAbsolutePath().normalize();
        this.locator = locator;
        this.repairCorrupt = repairCorrupt;
        this.fetchTimeoutSeconds = fetchTimeoutSeconds;
    }

    /** A cache of mirrors under {@code directory} (created when first needed), locating repos with {@code locator}. */
    public static RepoCache open(Path directory, RepoLocator locator) {
        return new RepoCache(directory, locator, true, DEFAULT_FETCH_TIMEOUT_SECONDS);
    }

    /** A cache in {@link #defaultDirectory()}. */
    public static RepoCache openDefault(RepoLocator locator) {
        return open(defaultDirectory(), locator);
    }

    /** {@code $FIXPOINT_CACHE/mirrors} if set, else {@code ~/.cache/fixpoint/mirrors}. */
    public static Path defaultDirectory() {
        String env = System.getenv(CACHE_ENV);
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "fixpoint");
        return base.resolve("mirrors");
    }

    /**
     * A copy that re-clones a damaged mirror ({@code true}, the default) or fails with
     * {@link WorkspaceException.Reason#CORRUPT_MIRROR} and leaves it for inspection ({@code false}).
     */
    public RepoCache repairCorrupt(boolean repair) {
        return new RepoCache(root, locator, repair, fetchTimeoutSeconds);
    }

    /** A copy with another network timeout for fetches, in seconds. */
    public RepoCache fetchTimeoutSeconds(int seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("fetch timeout must be positive, not: " + seconds);
        }
        return new RepoCache(root, locator, repairCorrupt, seconds);
    }

    public Path directory() {
        return root;
    }

    public RepoLocator locator() {
        return locator;
    }

    /** Where the mirror of {@code repo} lives (whether or not it exists yet). */
    public Path mirrorPath(String repo) {
        return mirrorPath(locator.locate(repo));
    }

    /**
     * Makes sure the mirror of the task's repo holds its base commit (cloning or fetching as needed) and returns the
     * full commit id.
     *
     * @throws WorkspaceException for an unreachable repo, a missing commit or a damaged mirror
     */
    public String prepare(Task task) {
        return ensure(task.instanceId(), task.repo(), task.baseCommit(), false).commit();
    }

    /**
     * Resolves a revision (commit id, branch, tag, {@code HEAD}) of a repo through its mirror. A full commit id is
     * fetched only if missing; any other revision is fetched fresh, since branches move. For tasks built from a
     * local repository or URL (the CI bot).
     */
    public String resolve(String repo, String revision) {
        return ensure(repo, repo, revision, !FULL_ID.matcher(revision).matches()).commit();
    }

    /** A workspace of the task at its base commit in a new temporary directory. */
    public Workspace checkout(Task task) {
        return checkout(task, temporaryDirectory(task), false);
    }

    /**
     * A workspace of the task at its base commit in {@code directory}, which must be missing or empty. Its
     * {@code .git} borrows the mirror's objects: git works on it on this machine only.
     *
     * @throws WorkspaceException for an unreachable repo, a missing commit, a damaged mirror or local I/O failure
     */
    public Workspace checkout(Task task, Path directory) {
        return checkout(task, directory, false);
    }

    /** A {@link Workspace#standalone() standalone} workspace in a new temporary directory. */
    public Workspace checkoutStandalone(Task task) {
        return checkout(task, temporaryDirectory(task), true);
    }

    /**
     * A workspace whose {@code .git} owns the base commit's objects, shallow (see {@link Workspace#standalone()}):
     * the directory can be copied into a container or another machine, and git there reads the base commit under
     * its own id. Costs one pack of the base tree on top of the checkout.
     *
     * @throws WorkspaceException for an unreachable repo, a missing commit, a damaged mirror or local I/O failure
     */
    public Workspace checkoutStandalone(Task task, Path directory) {
        return checkout(task, directory, true);
    }

    private static Path temporaryDirectory(Task task) {
        try {
            return Files.createTempDirectory("fixpoint-ws-" + safeName(task.instanceId()) + "-");
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, task.instanceId()
                    + ": cannot create a temporary workspace directory: " + e.getMessage(), e);
        }
    }

    private Workspace checkout(Task task, Path directory, boolean standalone) {
        Resolved resolved = ensure(task.instanceId(), task.repo(), task.baseCommit(), false);
        try {
            return Workspace.create(task, resolved.mirror(), resolved.commit(), directory, standalone);
        } catch (TreeCheckout.UnreadableObjectException e) {
            String problem = "cannot read an object of " + resolved.commit() + ": " + e.getMessage();
            if (!repairCorrupt) {
                throw corrupt(task.instanceId(), resolved.location(), resolved.mirror(), problem, e);
            }
            LOG.warn("{}: mirror {} of {} is damaged ({}); re-cloning it", task.instanceId(), resolved.mirror(),
                    task.repo(), problem);
            withLock(task.instanceId(), resolved.location(), resolved.mirror(), () -> {
                reclone(task.instanceId(), resolved.location(), resolved.mirror(), List.of(resolved.commit()));
                return null;
            });
            try {
                return Workspace.create(task, resolved.mirror(), resolved.commit(), directory, standalone);
            } catch (IOException again) {
                throw new WorkspaceException(WorkspaceException.Reason.IO, task.instanceId() + ": cannot check out "
                        + resolved.commit() + " of " + task.repo() + " into " + directory + " even after re-cloning "
                        + resolved.mirror() + ": " + again.getMessage(), again);
            }
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, task.instanceId() + ": cannot check out "
                    + resolved.commit() + " of " + task.repo() + " into " + directory + ": " + e.getMessage(), e);
        }
    }

    private record Resolved(RepoLocation location, Path mirror, String commit) {}

    private Resolved ensure(String who, String repo, String revision, boolean refresh) {
        RepoLocation location = locator.locate(repo);
        Path mirror = mirrorPath(location);
        // Fast path, no lock: a mirror is only ever replaced whole, so reading it while another process fetches is safe.
        if (!refresh && Files.isDirectory(mirror)) {
            MirrorRepo.Probe probe = MirrorRepo.probe(mirror, revision);
            if (probe.status() == MirrorRepo.Probe.Status.FOUND) {
                return new Resolved(location, mirror, probe.commit());
            }
        }
        String commit = withLock(who, location, mirror, () -> ensureLocked(who, location, mirror, revision, refresh));
        return new Resolved(location, mirror, commit);
    }

    /**
     * Under the mirror's lock: makes the mirror hold {@code revision} and returns its full commit id. Steps, each at
     * most once: clone or refresh, repair a damaged mirror, fetch what is missing, recover a broken ref or fetch the
     * one commit by id.
     */
    private String ensureLocked(String who, RepoLocation location, Path mirror, String revision, boolean refresh) {
        Wanted wanted = new Wanted(who, location, mirror, revision);
        boolean fetched = cloneOrRefresh(wanted, refresh);
        MirrorRepo.Probe probe = wanted.probe();
        if (probe.status() == MirrorRepo.Probe.Status.CORRUPT) {
            probe = repair(wanted, probe.detail());
            fetched = true;
        }
        if (probe.status() == MirrorRepo.Probe.Status.MISSING && !fetched) {
            probe = fetchMissing(wanted);
        }
        if (probe.status() == MirrorRepo.Probe.Status.MISSING) {
            probe = recoverMissing(wanted, probe);
        }
        return commitOf(wanted, probe);
    }

    /**
     * One revision asked of one mirror, with who asks.
     *
     * @param ids the revision when it is a full commit id (what can be fetched by id), else empty
     */
    private record Wanted(String who, RepoLocation location, Path mirror, String revision, List<String> ids) {
        Wanted(String who, RepoLocation location, Path mirror, String revision) {
            this(who, location, mirror, revision, FULL_ID.matcher(revision).matches() ? List.of(revision) : List.of());
        }

        MirrorRepo.Probe probe() {
            return MirrorRepo.probe(mirror, revision);
        }
    }

    /** Clones a mirror that does not exist, or fetches into a sound one when asked to refresh; true when it did. */
    private boolean cloneOrRefresh(Wanted w, boolean refresh) {
        if (!Files.isDirectory(w.mirror())) {
            create(w.who(), w.location(), w.mirror(), w.ids());
            return true;
        }
        if (refresh && MirrorRepo.probe(w.mirror(), "HEAD").status() != MirrorRepo.Probe.Status.CORRUPT) {
            fetch(w.who(), w.location(), w.mirror(), w.ids());
            return true;
        }
        return false;
    }

    /** Re-clones a damaged mirror (or fails when repairs are off) and probes again. */
    private MirrorRepo.Probe repair(Wanted w, String problem) {
        repairOrFail(w.who(), w.location(), w.mirror(), problem, w.ids());
        return w.probe();
    }

    /** Fetches into a mirror that lacks the revision and was not fetched in this call, and probes again. */
    private MirrorRepo.Probe fetchMissing(Wanted w) {
        LOG.info("{}: {} not in mirror {}; fetching {}", w.who(), w.revision(), w.mirror(), w.location().uri());
        fetch(w.who(), w.location(), w.mirror(), w.ids());
        return w.probe();
    }

    /** Still missing after a fetch: repairs a broken ref, or fetches the one commit by id when it is a full id. */
    private MirrorRepo.Probe recoverMissing(Wanted w, MirrorRepo.Probe probe) {
        Optional<String> broken = MirrorRepo.brokenRef(w.mirror());
        if (broken.isPresent()) {
            return repair(w, "ref " + broken.get());
        }
        if (!w.ids().isEmpty()) {
            return fetchCommit(w.who(), w.location(), w.mirror(), w.revision(), probe);
        }
        return probe;
    }

    /** The full commit id the probe found, or the failure that says why there is none. */
    private static String commitOf(Wanted w, MirrorRepo.Probe probe) {
        return switch (probe.status()) {
            case FOUND -> probe.commit();
            case MISSING -> throw missing(w.who(), w.location(), w.mirror(), w.revision(), probe.detail());
            case NOT_A_COMMIT -> throw new WorkspaceException(WorkspaceException.Reason.MISSING_COMMIT, w.who()
                    + ": " + probe.detail() + " in repo " + w.location().repo() + " (" + w.location().uri() + ")");
            case CORRUPT -> throw corrupt(w.who(), w.location(), w.mirror(), probe.detail(), null);
        };
    }

    private static WorkspaceException missing(String who, RepoLocation location, Path mirror, String revision,
            String detail) {
        return new WorkspaceException(WorkspaceException.Reason.MISSING_COMMIT, who + ": commit " + revision
                + " is not in repo " + location.repo() + " (fetched from " + location.uri() + " into " + mirror
                + "): " + detail + ". Check the task's base_commit, or point the mirror map at a copy that has it.");
    }

    /**
     * Makes sure the mirror of {@code repo} holds every one of {@code commits} (full ids), with one fetch for all of
     * them: when the source cannot serve a full fetch (a partial clone lacking objects behind some refs), exactly
     * these commits are fetched by id. For checks before a run, which know every commit its tasks need (base and
     * environment setup commits).
     *
     * @param who label for messages (e.g. the first task's id)
     * @return the commits still missing afterwards, each with why; empty when all are there
     * @throws WorkspaceException when the repo cannot be reached at all, or its mirror is damaged beyond repair
     */
    public Map<String, String> prepareCommits(String who, String repo, Collection<String> commits) {
        RepoLocation location = locator.locate(repo);
        Path mirror = mirrorPath(location);
        List<String> all = commits.stream().distinct().toList();
        if (Files.isDirectory(mirror) && all.stream()
                .allMatch(c -> MirrorRepo.probe(mirror, c).status() == MirrorRepo.Probe.Status.FOUND)) {
            return Map.of();
        }
        return withLock(who, location, mirror, () -> {
            List<String> wanted = all.stream().filter(c -> FULL_ID.matcher(c).matches()).toList();
            if (!Files.isDirectory(mirror)) {
                create(who, location, mirror, wanted);
            } else {
                List<String> absent = wanted.stream()
                        .filter(c -> MirrorRepo.probe(mirror, c).status() != MirrorRepo.Probe.Status.FOUND).toList();
                if (!absent.isEmpty()) {
                    try {
                        fetch(who, location, mirror, absent);
                    } catch (WorkspaceException e) {
                        // The repo was reached before (the mirror exists): the commits that did not come are
                        // reported below, each on its own, and their tasks fail alone.
                        LOG.warn("{}", e.getMessage());
                    }
                }
            }
            Map<String, String> missing = new LinkedHashMap<>();
            for (String c : all) {
                MirrorRepo.Probe probe = MirrorRepo.probe(mirror, c);
                if (probe.status() == MirrorRepo.Probe.Status.MISSING && FULL_ID.matcher(c).matches()) {
                    probe = fetchCommit(who, location, mirror, c, probe);
                }
                if (probe.status() == MirrorRepo.Probe.Status.CORRUPT) {
                    throw corrupt(who, location, mirror, probe.detail(), null);
                }
                if (probe.status() != MirrorRepo.Probe.Status.FOUND) {
                    missing.put(c, probe.detail());
                }
            }
            return missing;
        });
    }

    private void repairOrFail(String who, RepoLocation location, Path mirror, String problem, List<String> wanted) {
        if (!repairCorrupt) {
            throw corrupt(who, location, mirror, problem, null);
        }
        LOG.warn("{}: mirror {} of {} is damaged ({}); re-cloning from {}", who, mirror, location.repo(), problem,
                location.uri());
        reclone(who, location, mirror, wanted);
    }

    private void reclone(String who, RepoLocation location, Path mirror, List<String> wanted) {
        Path aside = mirror.resolveSibling(mirror.getFileName() + ".damaged-" + System.nanoTime());
        try {
            Files.move(mirror, aside, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.CORRUPT_MIRROR, who + ": mirror " + mirror + " of "
                    + location.repo() + " is damaged and cannot be moved aside: " + e.getMessage()
                    + ". Delete it by hand to re-clone.", e);
        }
        create(who, location, mirror, wanted);
        try {
            Workspace.deleteTree(aside);
        } catch (IOException e) {
            LOG.warn("{}: could not delete the damaged mirror moved to {}: {}", who, aside, e.toString());
        }
    }

    /**
     * Clones every branch and tag into a new mirror; when that fails and {@code wanted} names commits, makes the
     * mirror of just those commits (fetched by id) instead, saying why.
     */
    private void create(String who, RepoLocation location, Path mirror, List<String> wanted) {
        long start = System.nanoTime();
        LOG.info("{}: cloning {} into mirror {}", who, location.uri(), mirror);
        Path tmp = temporarySibling(mirror);
        try {
            MirrorRepo.create(tmp, location.uri(), fetchTimeoutSeconds);
            Files.move(tmp, mirror, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("{}: mirror {} ready in {} ms", who, mirror, (System.nanoTime() - start) / 1_000_000);
            return;
        } catch (GitAPIException | IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            String problem = problem(e, location);
            if (wanted.isEmpty()) {
                throw unreachable(who, location, problem, e);
            }
            LOG.warn("{}: fetching every branch and tag of {} failed ({}); fetching only commit(s) {} by id", who,
                    location.uri(), problem, String.join(", ", wanted));
            Path partial = temporarySibling(mirror);
            try {
                MirrorRepo.createEmpty(partial, location.uri());
                fetchByIds(who, location, partial, wanted);
                MirrorRepo.markPartial(partial, problem);
                Files.move(partial, mirror, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("{}: mirror {} of {} commit(s) ready in {} ms", who, mirror, wanted.size(),
                        (System.nanoTime() - start) / 1_000_000);
            } catch (GitAPIException | IOException | RuntimeException byId) {
                deleteQuietly(partial, byId);
                e.addSuppressed(byId);
                throw unreachable(who, location, problem + "; fetching only commit(s) " + String.join(", ", wanted)
                        + " by id failed too: " + chain(byId), e);
            }
        }
    }

    /**
     * Fetches every branch and tag into the mirror; when that fails and {@code wanted} names commits, fetches just
     * those by id. A mirror whose full fetch failed before fetches by id first.
     */
    private void fetch(String who, RepoLocation location, Path mirror, List<String> wanted) {
        Optional<String> partial = MirrorRepo.partialReason(mirror);
        String byIdFailure = "";
        if (partial.isPresent() && !wanted.isEmpty()) {
            try {
                fetchByIds(who, location, mirror, wanted);
                return;
            } catch (GitAPIException | IOException | RuntimeException e) {
                byIdFailure = chain(e);
                LOG.info("{}: fetching {} by id from {} failed ({}); trying a full fetch", who, wanted,
                        location.uri(), byIdFailure);
            }
        }
        try {
            MirrorRepo.fetch(mirror, fetchTimeoutSeconds);
            if (partial.isPresent()) {
                MirrorRepo.clearPartial(mirror);
            }
        } catch (GitAPIException | IOException | RuntimeException e) {
            String problem = problem(e, location);
            if (wanted.isEmpty()) {
                throw unreachable(who, location, problem, e);
            }
            if (partial.isPresent()) {
                // The source was reached before and is known not to serve a full fetch: these commits are not in it.
                throw new WorkspaceException(WorkspaceException.Reason.MISSING_COMMIT, who + ": commit(s) "
                        + String.join(", ", wanted) + " of repo " + location.repo() + " cannot be fetched from "
                        + location.uri() + ", which cannot serve a full fetch: by id: " + byIdFailure + "; in full: "
                        + problem + ". Check the task's commits, or point the mirror map at a complete copy.", e);
            }
            LOG.warn("{}: fetching every branch and tag of {} failed ({}); fetching only commit(s) {} by id", who,
                    location.uri(), problem, String.join(", ", wanted));
            try {
                fetchByIds(who, location, mirror, wanted);
                MirrorRepo.markPartial(mirror, problem);
            } catch (GitAPIException | IOException | RuntimeException byId) {
                e.addSuppressed(byId);
                throw unreachable(who, location, problem + "; fetching only commit(s) " + String.join(", ", wanted)
                        + " by id failed too: " + chain(byId), e);
            }
        }
    }

    /**
     * Fetches commits by id: all at once, else (a server refuses the whole request for one unknown id) one at a time.
     * Commits that still do not come are left for the caller's probe to report; fails only when none came.
     */
    private void fetchByIds(String who, RepoLocation location, Path mirror, List<String> wanted)
            throws GitAPIException, IOException {
        try {
            MirrorRepo.fetchCommits(mirror, wanted, fetchTimeoutSeconds);
        } catch (GitAPIException | IOException | RuntimeException all) {
            if (wanted.size() == 1) {
                throw all;
            }
            int fetched = 0;
            for (String commit : wanted) {
                try {
                    MirrorRepo.fetchCommits(mirror, List.of(commit), fetchTimeoutSeconds);
                    fetched++;
                } catch (GitAPIException | IOException | RuntimeException one) {
                    LOG.warn("{}: {} does not send commit {} by id: {}", who, location.uri(), commit, chain(one));
                }
            }
            if (fetched == 0) {
                throw all;
            }
        }
    }

    /** Last resort for a commit no branch or tag reaches; a refusal leaves the commit missing. */
    private MirrorRepo.Probe fetchCommit(String who, RepoLocation location, Path mirror, String commit,
            MirrorRepo.Probe missing) {
        try {
            MirrorRepo.fetchCommits(mirror, List.of(commit), fetchTimeoutSeconds);
            return MirrorRepo.probe(mirror, commit);
        } catch (GitAPIException | IOException | RuntimeException e) {
            LOG.debug("{}: {} refused to send commit {} by id: {}", who, location.uri(), commit, e.toString());
            return MirrorRepo.Probe.of(MirrorRepo.Probe.Status.MISSING, missing.detail()
                    + "; not on any branch or tag, and fetching it by id failed: " + e.getMessage());
        }
    }

    private static Path temporarySibling(Path mirror) {
        return mirror.resolveSibling(mirror.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime());
    }

    private static void deleteQuietly(Path dir, Exception failure) {
        try {
            Workspace.deleteTree(dir);
        } catch (IOException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }

    private <T> T withLock(String who, RepoLocation location, Path mirror, java.util.function.Supplier<T> action) {
        try {
            Files.createDirectories(root);
            MirrorLock lock = MirrorLock.acquire(mirror.resolveSibling(mirror.getFileName() + ".lock"));
            try {
                removeLeftovers(mirror);
                return action.get();
            } finally {
                lock.close();
            }
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, who + ": cannot lock the mirror " + mirror
                    + " of " + location.repo() + " in cache " + root + ": " + e.getMessage(), e);
        }
    }

    /** Temporary and damaged copies left by processes that died half-way; only called under the mirror's lock. */
    private void removeLeftovers(Path mirror) throws IOException {
        String prefix = mirror.getFileName().toString();
        try (Stream<Path> siblings = Files.list(root)) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix + ".tmp-")
                    || p.getFileName().toString().startsWith(prefix + ".damaged-")).toList()) {
                LOG.info("removing leftover {}", p);
                Workspace.deleteTree(p);
            }
        }
    }

    /**
     * What went wrong in a fetch: the exception's message and its first different cause, and, for a local source,
     * the source's own fault behind a bare "remote: internal server error" (a missing object, named).
     */
    private static String problem(Exception e, RepoLocation location) {
        String problem = chain(e);
        Optional<String> source = MirrorRepo.diagnoseSource(location.uri());
        return source.map(s -> problem + " (the source's own fault: " + s + ")").orElse(problem);
    }

    private static String chain(Throwable e) {
        String cause = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().equals(cause) && !cause.endsWith(t.getMessage())) {
                cause = cause + ": " + t.getMessage();
                break;
            }
        }
        return cause;
    }

    private static WorkspaceException unreachable(String who, RepoLocation location, String problem, Exception e) {
        return new WorkspaceException(WorkspaceException.Reason.UNREACHABLE_REPO, who + ": cannot fetch repo "
                + location.repo() + " from " + location.uri() + " (" + location.source().name().toLowerCase()
                + "): " + problem + ". Check the URL or path, the network, or add the repo to the mirror map.", e);
    }

    private static WorkspaceException corrupt(String who, RepoLocation location, Path mirror, String problem,
            Throwable cause) {
        return new WorkspaceException(WorkspaceException.Reason.CORRUPT_MIRROR, who + ": mirror " + mirror + " of repo "
                + location.repo() + " is damaged: " + problem + ". Delete it to re-clone from " + location.uri()
                + ", or let the cache repair damaged mirrors (the default).", cause);
    }

    private Path mirrorPath(RepoLocation location) {
        return root.resolve(safeName(lastTwoSegments(location.repo())) + "-" + shortHash(location.uri()) + ".git");
    }

    private static String lastTwoSegments(String repo) {
        String trimmed = repo.replaceAll("[/\\\\]+$", "").replaceAll("\\.git$", "").replaceAll("\\.bundle$", "");
        String[] parts = trimmed.split("[/\\\\:]");
        return parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : trimmed;
    }

    static String safeName(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 80 ? safe.substring(safe.length() - 80) : safe;
    }

    static String shortHash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "RepoCache[" + root + "]";
    }
}
