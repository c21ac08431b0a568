package dev.fixpoint.verifiers.judge;

import dev.fixpoint.models.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Asks a model to rank several patches in one prompt, several times with the patches in different orders so
 * that a preference for a position (first, last) cancels out. The orders are deterministic: the given order,
 * its reverse, then rotations by 1, 2, ... and their reverses, skipping repeats; with two permutations every
 * patch's positions sum to the same total, with 2n every patch holds every position twice. An answer that is
 * not a full ranking is re-asked up to {@code retries} times, then that permutation's vote abstains.
 * Thread-safe.
 */
public final class ListwiseJudge {

    private static final Template SYSTEM = Template.resource("listwise_system.txt");
    private static final Template USER = Template.resource("listwise.txt");

    private final Model model;
    private final int permutations;
    private final int retries;

    public ListwiseJudge(Model model, int permutations, int retries) {
        this.model = Objects.requireNonNull(model, "model");
        JudgeCalls.checkSettings("listwise permutations", permutations, retries);
        this.permutations = permutations;
        this.retries = retries;
    }

    public ListwiseVerdict rank(String issue, List<String> patches) {
        int n = patches.size();
        if (n == 0) {
            throw new IllegalArgumentException("nothing to rank");
        }
        JudgeCalls calls = new JudgeCalls(model, retries);
        double[] rankSums = new double[n];
        int votes = 0;
        List<List<Integer>> orders = orders(n, permutations);
        for (int p = 0; p < orders.size(); p++) {
            List<Integer> order = orders.get(p);
            Optional<List<Integer>> ranking = calls.ask(SYSTEM.render(Map.of()), prompt(issue, patches, order),
                    answer -> VerdictParser.ranking(answer, n), "listwise permutation " + (p + 1));
            if (ranking.isEmpty()) {
                continue;
            }
            votes++;
            List<Integer> shown = ranking.get();
            for (int rank = 0; rank < n; rank++) {
                int patchIndex = order.get(shown.get(rank) - 1);
                rankSums[patchIndex] += rank + 1;
            }
        }
        List<Double> meanRanks = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        if (votes > 0) {
            for (int i = 0; i < n; i++) {
                double mean = rankSums[i] / votes;
                meanRanks.add(mean);
                scores.add(n == 1 ? 1.0 : 1.0 - (mean - 1.0) / (n - 1));
            }
        }
        return new ListwiseVerdict(meanRanks, scores, votes, orders.size() - votes, calls.calls(), calls.usage(),
                calls.problems());
    }

    /** The presentation orders: identity, reverse, rotation 1, its reverse, ...; distinct, at most {@code count}. */
    static List<List<Integer>> orders(int n, int count) {
        Set<List<Integer>> out = new LinkedHashSet<>();
        List<Integer> identity = IntStream.range(0, n).boxed().toList();
        for (int shift = 0; shift < n && out.size() < count; shift++) {
            List<Integer> rotated = new ArrayList<>(identity);
            Collections.rotate(rotated, -shift);
            out.add(List.copyOf(rotated));
            if (out.size() < count) {
                Collections.reverse(rotated);
                out.add(List.copyOf(rotated));
            }
        }
        return List.copyOf(out);
    }

    private static String prompt(String issue, List<String> patches, List<Integer> order) {
        String candidates = IntStream.range(0, order.size())
                .mapToObj(k -> "<candidate number=\"" + (k + 1) + "\">\n" + patches.get(order.get(k)).strip() + "\n</candidate>")
                .collect(Collectors.joining("\n\n"));
        String example = IntStream.rangeClosed(1, order.size()).mapToObj(Integer::toString)
                .collect(Collectors.joining(" > "));
        return USER.render(Map.of("issue", issue.strip(), "candidates", candidates, "example", example));
    }
}
