package dev.fixpoint.solver.report;

/** Shortens long run text for the page: head and tail kept, the cut said in the text. */
final class Clip {

    private Clip() {}

    static String clip(String s, int max, String whereFull) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int head = max * 2 / 3, tail = max - head;
        return s.substring(0, head) + "\n… [" + (s.length() - max) + " characters cut here; the full text is in " + whereFull + "] …\n"
                + s.substring(s.length() - tail);
    }
}
