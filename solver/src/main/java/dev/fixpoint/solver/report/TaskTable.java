package dev.fixpoint.solver.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The task table's columns: plain headers, each with a tooltip saying what it shows; a column that is empty for
 * every task (no grades, no runner-up) is left out rather than shown as a column of dashes.
 */
final class TaskTable {

    private static final String NONE = "–";

    /** A cell: its text, the value sorted on (numeric columns) and an optional tooltip. */
    private record Cell(String text, String sortValue, String title) {
        static Cell of(String text) {
            return new Cell(text, null, null);
        }
    }

    private record Column(String header, String tooltip, boolean numeric, Function<TaskRow, Cell> cell) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("task", "the task's instance id; open it for the issue, patches, tests and trajectories", false,
                    r -> Cell.of(r.instanceId())),
            new Column("outcome", "resolved / unresolved from the eval run or the chosen patch's grade; else what selection did", false,
                    r -> new Cell(r.status(), null, "from " + r.statusSource())),
            new Column("selection", "SELECTED: a patch was chosen; ABSTAINED: no candidate was confident enough; ERROR: the task failed",
                    false, r -> Cell.of(r.selection())),
            new Column("chosen patch", "the candidate whose patch was shipped", false, r -> Cell.of(r.chosen().orElse(NONE))),
            new Column("agreement", "candidates whose patches behave the same as the largest group of equivalent patches, of all "
                    + "candidates (hover a cell for every group's size)", true, TaskTable::agreement),
            new Column("score", "the selector's confidence in the chosen patch, 0 to 1 (it abstains below its bar)", true,
                    r -> score(r.score())),
            new Column("next best", "the best score of a patch that differs from the chosen one: close to the score means a close call",
                    true, r -> score(r.runnerUp())),
            new Column("candidates resolving", "candidates whose patch the test harness graded resolved, of those graded "
                    + "(fixpoint report --grade)", true,
                    r -> r.resolving().map(x -> new Cell(x[0] + " of " + x[1], String.valueOf(x[1] == 0 ? 0 : (double) x[0] / x[1]), null))
                            .orElse(Cell.of(NONE))),
            new Column("candidates", "rollouts that finished for the task", true,
                    r -> new Cell(Integer.toString(r.candidates()), Integer.toString(r.candidates()), null)),
            new Column("cost", "what the task cost: rollouts, test writing, verification and judging", true,
                    r -> new Cell(r.spend().knownUsd().map(Spend::dollars).orElse(r.spend().scripted() ? "scripted" : "unknown"),
                            r.spend().knownUsd().map(BigDecimal::toPlainString).orElse(""), null)),
            new Column("tokens", "model tokens, input and output", true,
                    r -> new Cell(String.format(Locale.ROOT, "%,d", r.spend().tokens()), Long.toString(r.spend().tokens()), null)),
            new Column("time", "the task's wall time", true,
                    r -> new Cell(String.format(Locale.ROOT, "%.1f s", r.wallMs() / 1000.0), Long.toString(r.wallMs()), null)));

    private final List<Column> shown;
    private final List<TaskRow> rows;

    TaskTable(List<TaskRow> rows) {
        this.rows = rows;
        List<Column> keep = new ArrayList<>();
        for (Column c : COLUMNS) {
            if (rows.isEmpty() || rows.stream().anyMatch(r -> !c.cell().apply(r).text().equals(NONE))) keep.add(c);
        }
        this.shown = List.copyOf(keep);
    }

    /** The headers of the columns shown. */
    List<String> headers() {
        return shown.stream().map(Column::header).toList();
    }

    String head() {
        StringBuilder s = new StringBuilder();
        for (Column c : shown) {
            s.append("<th").append(c.numeric() ? " class=\"num\"" : "").append(" title=\"").append(Html.esc(c.tooltip())).append("\">")
                    .append(Html.esc(c.header())).append("</th>");
        }
        return s.toString();
    }

    String body() {
        StringBuilder s = new StringBuilder(rows.size() * 600);
        for (TaskRow r : rows) {
            String st = Html.esc(r.status());
            s.append("<tr data-status=\"").append(st).append("\">");
            for (Column c : shown) {
                Cell cell = c.cell().apply(r);
                s.append("<td");
                if (c.numeric()) s.append(" class=\"num\" data-v=\"").append(Html.esc(cell.sortValue() == null ? "" : cell.sortValue())).append('"');
                if (cell.title() != null && !c.header().equals("outcome")) s.append(" title=\"").append(Html.esc(cell.title())).append('"');
                s.append('>');
                switch (c.header()) {
                    case "task" -> s.append("<a href=\"#task-").append(r.index()).append("\">").append(Html.esc(r.instanceId())).append("</a>");
                    case "outcome" -> s.append("<span class=\"badge st-").append(st.replaceAll("[^a-z_]", "")).append("\" title=\"")
                            .append(Html.esc(cell.title())).append("\">").append(st).append("</span>");
                    default -> s.append(Html.esc(cell.text()));
                }
                s.append("</td>");
            }
            s.append("</tr>\n");
        }
        return s.toString();
    }

    private static Cell agreement(TaskRow r) {
        if (r.clusterSizes().isEmpty()) return Cell.of(NONE);
        int largest = r.clusterSizes().get(0), all = r.clusterSizes().stream().mapToInt(Integer::intValue).sum();
        String groups = r.clusterSizes().stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
        return new Cell(largest + " of " + all, String.valueOf((double) largest / all),
                r.clusterSizes().size() + " group(s) of equivalent patches, sizes " + groups);
    }

    private static Cell score(Optional<Double> v) {
        return v.map(x -> new Cell(String.format(Locale.ROOT, "%.3f", x), String.valueOf(x), null)).orElse(Cell.of(NONE));
    }
}
