package dev.fixpoint.solver.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side ({@code fixpoint report A B}): totals of each and, over the tasks both ran, the tasks one
 * got and the other did not. "Got" is resolved when both runs' outcomes are graded (eval run or candidate grades),
 * else selected (a patch was chosen), which {@link #basis()} says.
 *
 * @param a      run A's totals
 * @param b      run B's totals
 * @param basis  "resolved" or "selected"
 * @param wins   tasks A got and B did not
 * @param losses tasks B got and A did not
 * @param both   tasks both got
 * @param neither tasks neither got
 * @param onlyA  tasks only A ran
 * @param onlyB  tasks only B ran
 */
record Comparison(Side a, Side b, String basis, List<String> wins, List<String> losses, int both, int neither,
                  List<String> onlyA, List<String> onlyB) {

    /**
     * One run's totals.
     *
     * @param label    "batch run ID", "solve run DIR" or "eval run DIR"
     * @param root     the run's directory
     * @param headline its headline numbers (tasks, resolved, abstained, errors, spend)
     * @param selected tasks where a patch was selected
     */
    record Side(String label, java.nio.file.Path root, Headline headline, int selected) {}

    Comparison {
        wins = List.copyOf(wins);
        losses = List.copyOf(losses);
        onlyA = List.copyOf(onlyA);
        onlyB = List.copyOf(onlyB);
    }

    static Comparison of(ReportData a, List<TaskRow> rowsA, ReportData b, List<TaskRow> rowsB) {
        Headline ha = Headline.of(a, rowsA), hb = Headline.of(b, rowsB);
        String basis = ha.resolved().isPresent() && hb.resolved().isPresent() ? "resolved" : "selected";
        Map<String, TaskRow> byIdB = new LinkedHashMap<>();
        rowsB.forEach(r -> byIdB.put(r.instanceId(), r));
        List<String> wins = new ArrayList<>(), losses = new ArrayList<>(), onlyA = new ArrayList<>();
        int both = 0, neither = 0;
        for (TaskRow ra : rowsA) {
            TaskRow rb = byIdB.remove(ra.instanceId());
            if (rb == null) {
                onlyA.add(ra.instanceId());
                continue;
            }
            boolean ga = got(ra, basis), gb = got(rb, basis);
            if (ga && gb) both++;
            else if (!ga && !gb) neither++;
            else (ga ? wins : losses).add(ra.instanceId());
        }
        return new Comparison(side(a, rowsA, ha), side(b, rowsB, hb), basis, wins, losses, both, neither, onlyA, List.copyOf(byIdB.keySet()));
    }

    private static Side side(ReportData d, List<TaskRow> rows, Headline h) {
        return new Side(d.label(), d.batch().map(BatchRun::root).orElseGet(() -> d.eval().orElseThrow().root()), h,
                (int) rows.stream().filter(Comparison::selected).count());
    }

    static boolean selected(TaskRow r) {
        return r.selection().equals("SELECTED");
    }

    private static boolean got(TaskRow r, String basis) {
        return basis.equals("resolved") ? r.status().equals("resolved") : selected(r);
    }
}
