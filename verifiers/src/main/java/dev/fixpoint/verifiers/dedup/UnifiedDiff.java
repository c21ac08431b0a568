package dev.fixpoint.verifiers.dedup;

import java.util.List;

/**
 * A parsed unified diff (git or plain), or the problems that kept it from parsing: JavaParser's
 * {@code ParseResult} shape rather than an exception.
 *
 * @param files    the file diffs in patch order
 * @param problems what was malformed; empty when the diff parsed cleanly
 */
record UnifiedDiff(List<FileDiff> files, List<String> problems) {

    UnifiedDiff {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    boolean ok() {
        return problems.isEmpty();
    }
}
