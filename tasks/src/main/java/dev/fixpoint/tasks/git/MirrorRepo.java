package dev.fixpoint.tasks.git;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;

/** Git operations on one bare mirror: create, fetch, look up a commit, check its refs. Callers hold its lock. */
final class MirrorRepo {

    /** Branches and tags; not GitHub's refs/pull/*, which can be many times the size of the history. */
    static final List<RefSpec> REFSPECS = List.of(
            new RefSpec("+refs/heads/*:refs/heads/*"),
            new RefSpec("+refs/tags/*:refs/tags/*"));

    /** Where commits fetched by id are kept, so that they stay reachable. */
    static final String COMMIT_REFS = "refs/fixpoint/commits/";

    private MirrorRepo() {}

    /** What a mirror holds for a revision. */
    record Probe(Status status, String commit, String detail) {
        enum Status { FOUND, MISSING, NOT_A_COMMIT, CORRUPT }

        static Probe found(String commit) {
            return new Probe(Status.FOUND, commit, "");
        }

        static Probe of(Status status, String detail) {
            return new Probe(status, null, detail);
        }
    }

    static Repository open(Path mirror) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build();
        if (!repo.getObjectDatabase().exists() || !Files.isRegularFile(mirror.resolve(Constants.HEAD))) {
            repo.close();
            throw new IOException("not a git repository (objects/ or HEAD missing): " + mirror);
        }
        return repo;
    }

    /** Creates a bare mirror of {@code uri} in {@code dir} (which must not exist) and fetches it. */
    static void create(Path dir, String uri, int timeoutSeconds) throws IOException, GitAPIException {
        try (Repository repo = FileRepositoryBuilder.create(dir.toFile())) {
            repo.create(true);
            configure(repo, uri);
            FetchResult result = fetch(repo, timeoutSeconds);
            pointHead(repo, result);
        }
    }

    private static void configure(Repository repo, String uri) throws IOException {
        StoredConfig config = repo.getConfig();
        config.setString("remote", "origin", "url", uri);
        config.setStringList("remote", "origin", "fetch", REFSPECS.stream().map(RefSpec::toString).toList());
        config.setBoolean("remote", "origin", "mirror", true);
        config.setInt("gc", null, "auto", 0); // workspaces borrow these objects through alternates: never prune
        config.setBoolean("gc", null, "autoDetach", false); // JGit's post-fetch auto-gc check, in the foreground
        config.save();
    }

    /** Fetches branches and tags from the mirror's origin. */
    static void fetch(Path mirror, int timeoutSeconds) throws IOException, GitAPIException {
        try (Repository repo = open(mirror)) {
            fetch(repo, timeoutSeconds);
        }
    }

    /**
     * Fetches commits by id, each into {@code refs/fixpoint/commits/<id>}: for commits no branch or tag reaches (e.g. a
     * detached HEAD of a local repository), and for sources whose full fetch fails (a partial clone lacking objects
     * behind some refs). Servers may refuse (bundles always do).
     */
    static void fetchCommits(Path mirror, Collection<String> commits, int timeoutSeconds)
            throws IOException, GitAPIException {
        try (Repository repo = open(mirror); Git git = Git.wrap(repo)) {
            git.fetch().setRemote("origin")
                    .setRefSpecs(commits.stream().map(c -> new RefSpec("+" + c + ":" + COMMIT_REFS + c)).toList())
                    .setTagOpt(TagOpt.NO_TAGS).setTimeout(timeoutSeconds).call();
        }
    }

    /** Creates an empty bare mirror of {@code uri} in {@code dir} (which must not exist), to fetch commits into. */
    static void createEmpty(Path dir, String uri) throws IOException {
        try (Repository repo = FileRepositoryBuilder.create(dir.toFile())) {
            repo.create(true);
            configure(repo, uri);
        }
    }

    /** Records that fetching every branch and tag of the origin failed, and why ({@link #partialReason}). */
    static void markPartial(Path mirror, String problem) throws IOException {
        try (Repository repo = open(mirror)) {
            StoredConfig config = repo.getConfig();
            config.setString("fixpoint", null, "fullFetchFailed", problem.replace('\n', ' '));
            config.save();
        }
    }

    /** Why the last full fetch of this mirror failed, if it was given up for fetches by commit id. */
    static Optional<String> partialReason(Path mirror) {
        try (Repository repo = open(mirror)) {
            return Optional.ofNullable(repo.getConfig().getString("fixpoint", null, "fullFetchFailed"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Forgets {@link #markPartial}: a full fetch worked again. */
    static void clearPartial(Path mirror) throws IOException {
        try (Repository repo = open(mirror)) {
            StoredConfig config = repo.getConfig();
            if (config.getString("fixpoint", null, "fullFetchFailed") != null) {
                config.unset("fixpoint", null, "fullFetchFailed");
                config.save();
            }
        }
    }

    /**
     * Why a local source repository cannot serve a full fetch, when the cause is its own: a ref whose history
     * lacks an object (a partial clone, or damage). Empty when {@code uri} is not a local repository or every object
     * behind its branches and tags is there. Walks the whole history: call it only after a fetch failed.
     */
    static Optional<String> diagnoseSource(String uri) {
        Path dir = localRepository(uri);
        if (dir == null) {
            return Optional.empty();
        }
        Repository repo;
        try {
            repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (repo; ObjectWalk walk = new ObjectWalk(repo)) {
            List<Ref> refs = new ArrayList<>(repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS));
            refs.addAll(repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS));
            String promisor = promisorPacks(dir) > 0 ? "it is a partial clone (" + promisorPacks(dir)
                    + " promisor packs): " : "";
            for (Ref ref : refs) {
                ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                if (id == null) {
                    continue;
                }
                try {
                    walk.markStart(walk.parseAny(id));
                    walk.checkConnectivity();
                } catch (MissingObjectException e) {
                    return Optional.of(promisor + "MissingObjectException: object " + e.getObjectId().name()
                            + " reachable from " + ref.getName() + " is missing from " + dir);
                } catch (IncorrectObjectTypeException e) {
                    continue;
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot read the source repository " + dir + ": " + e);
        }
    }

    private static Path localRepository(String uri) {
        Path dir;
        try {
            dir = uri.startsWith("file:") ? Path.of(URI.create(uri)) : RepoLocator.isUrl(uri) ? null : Path.of(uri);
        } catch (RuntimeException e) {
            return null;
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        return Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git") : dir;
    }

    private static int promisorPacks(Path gitDir) {
        try (Stream<Path> s = Files.list(gitDir.resolve("objects/pack"))) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".promisor")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static FetchResult fetch(Repository repo, int timeoutSeconds) throws GitAPIException {
        try (Git git = Git.wrap(repo)) {
            return git.fetch().setRemote("origin").setRefSpecs(REFSPECS).setTagOpt(TagOpt.NO_TAGS)
                    .setTimeout(timeoutSeconds).setRemoveDeletedRefs(false).call();
        }
    }

    /** Points the mirror's HEAD where the remote's HEAD points: its symbolic target, or a branch at the same commit. */
    private static void pointHead(Repository repo, FetchResult result) throws IOException {
        Ref remoteHead = result.getAdvertisedRef(Constants.HEAD);
        String branch = null;
        if (remoteHead != null && remoteHead.isSymbolic()) {
            branch = remoteHead.getTarget().getName();
        } else if (remoteHead != null && remoteHead.getObjectId() != null) {
            ObjectId id = remoteHead.getObjectId();
            branch = result.getAdvertisedRefs().stream()
                    .filter(r -> r.getName().startsWith(Constants.R_HEADS) && id.equals(r.getObjectId()))
                    .map(Ref::getName)
                    .min((a, b) -> Integer.compare(rank(a), rank(b)))
                    .orElse(null);
            if (branch == null) {
                RefUpdate detach = repo.updateRef(Constants.HEAD, true);
                detach.setNewObjectId(id);
                detach.forceUpdate();
                return;
            }
        }
        if (branch != null && repo.exactRef(branch) != null) {
            repo.updateRef(Constants.HEAD).link(branch);
        }
    }

    private static int rank(String branch) {
        return switch (branch) {
            case "refs/heads/main" -> 0;
            case "refs/heads/master" -> 1;
            default -> 2;
        };
    }

    /** Looks up a revision (commit id, branch, tag) without fetching. Never throws for a damaged mirror. */
    static Probe probe(Path mirror, String rev) {
        Repository repo;
        try {
            repo = open(mirror);
        } catch (IOException | RuntimeException e) {
            return Probe.of(Probe.Status.CORRUPT, "cannot open it: " + e.getMessage());
        }
        try (repo; RevWalk walk = new RevWalk(repo)) {
            ObjectId id;
            try {
                id = repo.resolve(rev);
            } catch (RevisionSyntaxException | AmbiguousObjectException e) {
                return Probe.of(Probe.Status.MISSING, e.getMessage());
            }
            if (id == null) {
                return Probe.of(Probe.Status.MISSING, "no such revision");
            }
            RevCommit commit = walk.parseCommit(id);
            walk.parseHeaders(commit.getTree());
            return Probe.found(commit.name());
        } catch (MissingObjectException e) {
            if (listedButUnreadable(repo, e.getObjectId())) {
                return Probe.of(Probe.Status.CORRUPT, "object " + e.getObjectId().name()
                        + " is in a pack index but cannot be read from the pack");
            }
            return Probe.of(Probe.Status.MISSING, "object " + e.getObjectId().name() + " not found");
        } catch (IncorrectObjectTypeException e) {
            return Probe.of(Probe.Status.NOT_A_COMMIT, rev + " names a " + e.getMessage() + ", not a commit");
        } catch (IOException | RuntimeException e) {
            return Probe.of(Probe.Status.CORRUPT, "cannot read " + rev + ": " + e);
        }
    }

    /** The first ref whose object the mirror lacks (a sign of damage), if any. */
    static Optional<String> brokenRef(Path mirror) {
        try (Repository repo = open(mirror)) {
            try (ObjectReader reader = repo.newObjectReader()) {
                for (Ref ref : repo.getRefDatabase().getRefs()) {
                    ObjectId id = ref.getObjectId();
                    if (id == null) {
                        continue;
                    }
                    try {
                        reader.open(id).getType();
                    } catch (MissingObjectException e) {
                        return Optional.of(ref.getName() + " -> " + id.name() + " (object missing or unreadable)");
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot read refs: " + e.getMessage());
        }
    }

    private static boolean listedButUnreadable(Repository repo, ObjectId id) {
        try {
            return repo.getObjectDatabase().has(id);
        } catch (IOException e) {
            return true;
        }
    }
}
