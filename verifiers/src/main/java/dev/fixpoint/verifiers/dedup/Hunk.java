package dev.fixpoint.verifiers.dedup;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldCount +newStart,newCount @@} block of a unified diff.
 *
 * @param lines body lines, each starting with its marker: {@code ' '} context, {@code '-'} removed,
 *              {@code '+'} added ("\ No newline at end of file" markers are dropped)
 */
record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<String> lines) {

    Hunk {
        if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0) {
            throw new IllegalArgumentException("negative hunk range: -%d,%d +%d,%d"
                    .formatted(oldStart, oldCount, newStart, newCount));
        }
        lines = List.copyOf(lines);
        for (String line : lines) {
            if (line.isEmpty() || " -+".indexOf(line.charAt(0)) < 0) {
                throw new IllegalArgumentException("not a hunk body line: '" + line + "'");
            }
        }
    }

    /** The lines this hunk expects in the old file (context and removed), without markers. */
    List<String> oldLines() {
        return lines.stream().filter(l -> l.charAt(0) != '+').map(l -> l.substring(1)).toList();
    }

    /** The lines this hunk leaves in the new file (context and added), without markers. */
    List<String> newLines() {
        return lines.stream().filter(l -> l.charAt(0) != '-').map(l -> l.substring(1)).toList();
    }

    /** Removed lines, without markers. */
    List<String> removed() {
        return lines.stream().filter(l -> l.charAt(0) == '-').map(l -> l.substring(1)).toList();
    }

    /** Added lines, without markers. */
    List<String> added() {
        return lines.stream().filter(l -> l.charAt(0) == '+').map(l -> l.substring(1)).toList();
    }
}
