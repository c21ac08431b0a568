package dev.fixpoint.verifiers.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses one candidate from a pool with a {@link SelectionStrategy}, or abstains.
 *
 * <p>Abstains, in this order, when: the pool is empty; every candidate is empty, malformed, does not apply, or has no
 * patch that could be read (too large, unreadable);
 * the strategy excludes every candidate (the reasons are listed, e.g. "no candidate passes any reproduction
 * test"); the winner's score is below the strategy's minimum; the winner's margin over the best candidate of
 * any <em>other</em> cluster is below the strategy's minimum margin (members of one cluster are the same
 * change, so they never compete).
 *
 * <p>Ranking and tie-breaking are deterministic: by score (descending, scores compared exactly after rounding
 * to 9 decimals), then by cluster size (descending: the majority breaks ties), then by position in the pool
 * (ascending: the caller's order, e.g. rollout index, is the last word). Stateless and thread-safe.
 */
public final class Selector {

    private static final Logger log = LoggerFactory.getLogger(Selector.class);

    public Selection select(SelectionStrategy strategy, List<Evidence> pool) {
        String name = strategy.name();
        if (pool.isEmpty()) {
            return abstain(name, strategy.toString(), null, null, List.of("no candidates"), List.of(), List.of(), pool);
        }
        if (pool.stream().noneMatch(Evidence::usable)) {
            List<String> reasons = new ArrayList<>();
            reasons.add("no candidate has a usable patch");
            reasons.addAll(summarise(pool.stream().map(Evidence::unusableReason).toList()));
            return abstain(name, strategy.toString(), null, null, reasons, List.of(), List.of(), pool);
        }
        Scoring scoring = strategy.score(pool);
        List<CandidateScore> scores = scoring.scores();
        checkAligned(name, pool, scores);
        List<Integer> ranking = rank(pool, scores);
        if (ranking.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            reasons.add("no eligible candidate");
            reasons.addAll(summarise(scores.stream().map(CandidateScore::excluded).toList()));
            return abstain(name, strategy.toString(), null, null, reasons, scoring.notes(), scores, pool);
        }
        int winner = ranking.get(0);
        CandidateScore best = scores.get(winner);
        Double runnerUp = ranking.stream().map(scores::get).filter(s -> s.clusterId() != best.clusterId())
                .map(CandidateScore::score).findFirst().orElse(null);
        Abstention rule = strategy.abstention();
        String summary = "%s (cluster %d of %d) scores %s; runner-up %s".formatted(best.candidateId(),
                best.clusterId(), pool.get(winner).clusterSize(), fmt(best.score()),
                runnerUp == null ? "none (no other eligible cluster)" : fmt(runnerUp) + ", margin " + fmt(best.score() - runnerUp));
        if (best.score() < rule.minScore()) {
            return abstain(name, strategy.toString(), best.score(), runnerUp,
                    List.of("best score %s is below the minimum %s".formatted(fmt(best.score()), fmt(rule.minScore())), summary),
                    scoring.notes(), scores, pool);
        }
        if (runnerUp != null && rule.minMargin() > 0 && margin(best.score(), runnerUp) < rule.minMargin()) {
            return abstain(name, strategy.toString(), best.score(), runnerUp,
                    List.of("margin %s over the runner-up is below the minimum %s"
                            .formatted(fmt(margin(best.score(), runnerUp)), fmt(rule.minMargin())), summary),
                    scoring.notes(), scores, pool);
        }
        log.debug("{}: chose {}", name, summary);
        return new Selection(name, strategy.toString(), false, best.candidateId(), best.clusterId(), best.score(), runnerUp,
                List.of(summary), scoring.notes(), scores, pool);
    }

    /** Indices of eligible candidates, best first (see the class comment for the order). */
    private static List<Integer> rank(List<Evidence> pool, List<CandidateScore> scores) {
        Comparator<Integer> order = Comparator.<Integer, Double>comparing(i -> scores.get(i).score()).reversed()
                .thenComparing(Comparator.<Integer>comparingInt(i -> pool.get(i).clusterSize()).reversed())
                .thenComparingInt(i -> i);
        return IntStream.range(0, pool.size()).filter(i -> scores.get(i).eligible()).boxed().sorted(order).toList();
    }

    private static void checkAligned(String name, List<Evidence> pool, List<CandidateScore> scores) {
        if (scores.size() != pool.size()) {
            throw new IllegalStateException("%s scored %d of %d candidates".formatted(name, scores.size(), pool.size()));
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!scores.get(i).candidateId().equals(pool.get(i).candidateId())) {
                throw new IllegalStateException("%s: score %d is for %s, expected %s"
                        .formatted(name, i, scores.get(i).candidateId(), pool.get(i).candidateId()));
            }
        }
    }

    /** "3 × empty patch" lines, most frequent first, then alphabetical. */
    private static List<String> summarise(List<String> reasons) {
        Map<String, Long> counts = reasons.stream().filter(r -> !r.isEmpty())
                .collect(Collectors.groupingBy(r -> r, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getValue() + " × " + e.getKey()).toList();
    }

    private static Selection abstain(String name, String config, Double best, Double runnerUp, List<String> reasons,
                                     List<String> notes, List<CandidateScore> scores, List<Evidence> pool) {
        log.debug("{}: abstains: {}", name, reasons);
        return new Selection(name, config, true, null, null, best, runnerUp, reasons, notes, scores, pool);
    }

    /** The difference of two rounded scores, rounded alike so that 1.0 - 0.9 is 0.1 exactly enough. */
    private static double margin(double best, double runnerUp) {
        return Math.round((best - runnerUp) * 1e9) / 1e9;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
