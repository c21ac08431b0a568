package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.git.WorkspaceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The top levels of a commit's tree (up to {@link #DEPTH} directories deep) read from a bare mirror, with file
 * contents read on demand. Nothing is checked out.
 */
final class MirrorTree implements RepoTree {

    static final int DEPTH = 3;

    private final Path mirror;
    private final ObjectId commit;
    private final Set<String> files = new HashSet<>();
    private final Map<String, Set<String>> dirs = new HashMap<>();
    private final Map<String, ObjectId> blobs = new HashMap<>();

    private MirrorTree(Path mirror, ObjectId commit) {
        this.mirror = mirror;
        this.commit = commit;
        dirs.put("", new TreeSet<>());
    }

    static MirrorTree open(Path mirror, String commit, String who) {
        MirrorTree tree = new MirrorTree(mirror, ObjectId.fromString(commit));
        try (Repository repo = repo(mirror); RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(tree.commit).getTree());
            tw.setRecursive(false);
            while (tw.next()) {
                String path = tw.getPathString();
                String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                tree.dirs.computeIfAbsent(parent, k -> new TreeSet<>()).add(tw.getNameString());
                if (tw.isSubtree()) {
                    tree.dirs.computeIfAbsent(path, k -> new TreeSet<>());
                    if (tw.getDepth() + 1 < DEPTH) {
                        tw.enterSubtree();
                    }
                } else if (tw.getFileMode(0) != FileMode.GITLINK) {
                    tree.files.add(path);
                    tree.blobs.put(path, tw.getObjectId(0));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, who + ": cannot read the tree of " + commit
                    + " in mirror " + mirror + ": " + e.getMessage(), e);
        }
        return tree;
    }

    private static Repository repo(Path mirror) throws IOException {
        return new FileRepositoryBuilder().setGitDir(mirror.toFile()).setMustExist(true).build();
    }

    @Override
    public boolean isFile(String path) {
        return files.contains(path);
    }

    @Override
    public boolean isDirectory(String path) {
        return dirs.containsKey(path);
    }

    @Override
    public List<String> list(String dir) {
        Set<String> names = dirs.get(dir);
        return names == null ? List.of() : List.copyOf(names);
    }

    @Override
    public Optional<String> read(String path) {
        ObjectId blob = blobs.get(path);
        if (blob == null) {
            return Optional.empty();
        }
        try (Repository repo = repo(mirror)) {
            ObjectLoader loader = repo.open(blob);
            if (loader.getSize() > MAX_READ_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Reason.IO, "cannot read " + path + " at " + commit.name()
                    + " from mirror " + mirror + ": " + e.getMessage(), e);
        }
    }
}
