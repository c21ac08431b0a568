package dev.fixpoint.tasks.git;

import java.util.List;
import java.util.Objects;

/**
 * A patch read leniently, with what was malformed in it: JavaParser's {@code ParseResult} shape rather than an
 * exception. The patch holds every file that could be read, even when there are problems (enough to say which
 * files a patch touches).
 *
 * @param patch    the files read, in patch order
 * @param problems what was malformed, with line numbers of the text as given; empty when it parsed cleanly
 */
public record ParsedPatch(Patch patch, List<String> problems) {

    public ParsedPatch {
        Objects.requireNonNull(patch, "patch");
        problems = List.copyOf(problems);
    }

    /** True when the text is a well-formed patch (possibly one with no files, e.g. prose). */
    public boolean ok() {
        return problems.isEmpty();
    }
}
