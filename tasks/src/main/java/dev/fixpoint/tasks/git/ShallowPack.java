package dev.fixpoint.tasks.git;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.internal.storage.pack.PackWriter;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.ObjectWalk;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.storage.pack.PackConfig;

/**
 * Gives a repository its own copy of one commit, as {@code git clone --depth 1} would: the commit object as stored
 * (same bytes, so same id), its trees and blobs, in one pack; and {@code .git/shallow} naming the commit, so that git
 * takes it for the start of history and never looks for its parents. Compressed objects are copied from the source
 * pack as they are where possible; there is no delta search (it would cost more than the bytes it saves).
 */
final class ShallowPack {

    /** What was written: the pack's name (its {@code pack-<name>.pack}), how many objects and bytes. */
    record Written(String name, int objects, long bytes) {}

    private ShallowPack() {}

    /**
     * Writes {@code commit} and everything its tree reaches, read through {@code source}, into {@code target}'s
     * object directory, and marks the commit shallow there.
     */
    static Written write(Repository target, ObjectReader source, ObjectId commit) throws IOException {
        Path gitDir = target.getDirectory().toPath();
        Path packDir = gitDir.resolve("objects/pack");
        Files.createDirectories(packDir);
        PackConfig config = new PackConfig(target);
        config.setDeltaCompress(false);
        config.setReuseObjects(true);
        config.setReuseDeltas(true);
        Path tmpPack = Files.createTempFile(packDir, "incoming_", ".pack");
        Path tmpIndex = Files.createTempFile(packDir, "incoming_", ".idx");
        try (ObjectWalk walk = new ObjectWalk(source); PackWriter writer = new PackWriter(config, source)) {
            writer.preparePack(reachableFromTree(walk, commit).iterator());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmpPack), 1 << 16)) {
                writer.writePack(NullProgressMonitor.INSTANCE, NullProgressMonitor.INSTANCE, out);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmpIndex), 1 << 16)) {
                writer.writeIndex(out);
            }
            String name = writer.computeName().name();
            long bytes = Files.size(tmpPack);
            // The index last: git and JGit only see a pack whose index exists.
            Files.move(tmpPack, packDir.resolve("pack-" + name + ".pack"), StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmpIndex, packDir.resolve("pack-" + name + ".idx"), StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(gitDir.resolve("shallow"), commit.name() + "\n", StandardCharsets.US_ASCII);
            return new Written(name, (int) writer.getObjectCount(), bytes);
        } finally {
            Files.deleteIfExists(tmpPack);
            Files.deleteIfExists(tmpIndex);
        }
    }

    /** The commit, then its root tree and every tree and blob below it, each once. */
    private static List<RevObject> reachableFromTree(ObjectWalk walk, ObjectId commitId) throws IOException {
        RevCommit commit = walk.parseCommit(commitId);
        List<RevObject> objects = new ArrayList<>();
        objects.add(commit);
        walk.markStart(walk.parseTree(commit.getTree()));
        for (RevObject o = walk.nextObject(); o != null; o = walk.nextObject()) {
            objects.add(o);
        }
        return objects;
    }
}
