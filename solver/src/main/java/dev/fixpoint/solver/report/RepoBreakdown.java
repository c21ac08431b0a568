package dev.fixpoint.solver.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task table summed per repository ({@link ReportData#repoOf}), most tasks first. */
final class RepoBreakdown {

    /**
     * One repository's line.
     *
     * @param repo      "owner/name" or "(unknown)"
     * @param tasks     tasks
     * @param selected  tasks where a patch was selected
     * @param abstained tasks where selection abstained
     * @param errors    tasks in error
     * @param resolved  resolved tasks, empty when the run is not graded
     * @param spend     summed spend
     */
    record Line(String repo, int tasks, int selected, int abstained, int errors, Optional<Integer> resolved, Spend spend) {}

    private RepoBreakdown() {}

    static List<Line> of(ReportData data, List<TaskRow> rows, boolean resolvedKnown) {
        Map<String, List<TaskRow>> byRepo = new LinkedHashMap<>();
        for (TaskRow r : rows) byRepo.computeIfAbsent(data.repoOf(r.instanceId()), k -> new ArrayList<>()).add(r);
        boolean scripted = data.batch().map(b -> b.info().scripted()).orElse(false);
        List<Line> lines = new ArrayList<>();
        byRepo.forEach((repo, rs) -> lines.add(new Line(repo, rs.size(),
                count(rs, Comparison::selected), count(rs, r -> r.status().equals("abstained")), count(rs, Headline::isError),
                resolvedKnown ? Optional.of(count(rs, r -> r.status().equals("resolved"))) : Optional.empty(),
                rs.stream().map(TaskRow::spend).reduce(Spend.none(scripted).withUsdZero(), Spend::plus))));
        lines.sort(Comparator.comparingInt(Line::tasks).reversed().thenComparing(Line::repo));
        return lines;
    }

    private static int count(List<TaskRow> rows, java.util.function.Predicate<TaskRow> p) {
        return (int) rows.stream().filter(p).count();
    }
}
