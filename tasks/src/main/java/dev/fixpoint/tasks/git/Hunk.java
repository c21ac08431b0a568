package dev.fixpoint.tasks.git;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldCount +newStart,newCount @@} block of a unified diff.
 *
 * @param lines body lines, each starting with its marker: {@code ' '} context, {@code '-'} removed,
 *              {@code '+'} added ("\ No newline at end of file" markers are dropped; an empty context line whose
 *              single space an editor stripped reads as {@code " "})
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<String> lines) {

    public Hunk {
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
    public List<String> oldLines() {
        return side('+');
    }

    /** The lines this hunk leaves in the new file (context and added), without markers. */
    public List<String> newLines() {
        return side('-');
    }

    /** Removed lines, without markers. */
    public List<String> removed() {
        return only('-');
    }

    /** Added lines, without markers. */
    public List<String> added() {
        return only('+');
    }

    /** The header line, e.g. {@code @@ -3,6 +3,7 @@}. */
    public String header() {
        return "@@ -%d,%d +%d,%d @@".formatted(oldStart, oldCount, newStart, newCount);
    }

    private List<String> side(char without) {
        return lines.stream().filter(l -> l.charAt(0) != without).map(l -> l.substring(1)).toList();
    }

    private List<String> only(char marker) {
        return lines.stream().filter(l -> l.charAt(0) == marker).map(l -> l.substring(1)).toList();
    }
}
