package dev.fixpoint.harness;

import dev.fixpoint.tasks.git.Patch;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what a unified diff touches and whether it can be a patch at all, before any sandbox starts. Pure.
 */
public final class PatchFiles {

    private PatchFiles() {}

    /**
     * Repository-relative paths a patch creates, changes, deletes or renames (both names), sorted. Read leniently
     * ({@link Patch#read}): a file whose diff is malformed still counts, and prose touches nothing.
     */
    public static Set<String> touched(String patch) {
        return new TreeSet<>(Patch.read(patch).patch().paths());
    }

    /**
     * Why a patch cannot be applied by any tool, or empty when it may be: NUL bytes (raw binary content), or no
     * file header ({@code diff --git}, {@code ---}/{@code +++}, or a context diff's {@code ***}) at all.
     * Patches that look fine but do not fit the tree are left to the apply chain, which says why.
     */
    public static Optional<String> malformed(String patch) {
        if (patch.indexOf('\0') >= 0) {
            return Optional.of("malformed patch: it contains NUL bytes (raw binary content, not a diff)");
        }
        boolean header = false;
        for (String line : patch.split("\r?\n")) {
            if (line.startsWith("diff --git ") || line.startsWith("--- ") || line.startsWith("*** ")) {
                header = true;
                break;
            }
        }
        if (!header) {
            return Optional.of("malformed patch: no file header (diff --git, ---/+++) found");
        }
        return Optional.empty();
    }
}
