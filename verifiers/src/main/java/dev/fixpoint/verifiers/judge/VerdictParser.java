package dev.fixpoint.verifiers.judge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's answer. Tolerant of what models do around the asked-for line (markdown emphasis, brackets,
 * "Candidate 2", trailing punctuation) but never guesses: an answer without a clear verdict is empty.
 */
final class VerdictParser {

    private static final Pattern VERDICT = Pattern.compile("(?im)^[\\s*_#>`]*verdict[\\s*_`]*:[\\s*_`]*(yes|no)\\b");
    private static final Pattern BARE = Pattern.compile("(?i)^[\\s*_`]*(yes|no)[\\s*_`.!]*$");
    private static final Pattern RANKING = Pattern.compile("(?im)^[\\s*_#>`]*ranking[\\s*_`]*:(.*)$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private VerdictParser() {
    }

    /** YES (true) or NO (false) from the last verdict line, or a bare one-word answer; else empty. */
    static Optional<Boolean> yesNo(String answer) {
        int at = verdictOffset(answer);
        return at < 0 ? Optional.empty()
                : Optional.of(answer.regionMatches(true, at, "yes", 0, 3));
    }

    /**
     * Where in {@code answer} the verdict word {@link #yesNo} reads starts (the YES or NO of the last verdict line,
     * or of a bare one-word answer), or -1 when there is none.
     */
    static int verdictOffset(String answer) {
        Matcher m = VERDICT.matcher(answer);
        int last = -1;
        while (m.find()) {
            last = m.start(1);
        }
        if (last < 0) {
            String stripped = answer.strip();
            Matcher bare = BARE.matcher(stripped);
            if (bare.matches()) {
                last = answer.indexOf(stripped) + bare.start(1);
            }
        }
        return last;
    }

    /**
     * The 1-based candidate numbers of the last ranking line, best first, when they are exactly 1..n each once;
     * else empty.
     */
    static Optional<List<Integer>> ranking(String answer, int n) {
        Matcher m = RANKING.matcher(answer);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last == null) {
            return Optional.empty();
        }
        List<Integer> order = new ArrayList<>();
        Matcher num = NUMBER.matcher(last);
        while (num.find()) {
            order.add(Integer.parseInt(num.group()));
        }
        Set<Integer> seen = new HashSet<>(order);
        boolean permutation = order.size() == n && seen.size() == n
                && order.stream().allMatch(i -> i >= 1 && i <= n);
        return permutation ? Optional.of(List.copyOf(order)) : Optional.empty();
    }
}
