package dev.fixpoint.solver.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The page's summary sections above the task table: the comparison of two runs and the per-repository breakdown. */
final class SummarySections {

    private SummarySections() {}

    /** The "A vs B" section: one row per measure, then the tasks each run got that the other did not. */
    static String comparison(Comparison c) {
        StringBuilder s = new StringBuilder("<section id=\"compare\"><h2>Comparison: A vs B</h2>");
        s.append("<p class=\"muted\">A: ").append(Html.esc(c.a().label() + " (" + c.a().root() + ")")).append(" · B: ")
                .append(Html.esc(c.b().label() + " (" + c.b().root() + ")"))
                .append(" · a task counts for a run when it was <b>").append(c.basis()).append("</b>")
                .append(c.basis().equals("selected") ? " (resolved is not known for both runs: give eval runs or grade the candidates)" : "")
                .append("</p><div class=\"scroll\"><table class=\"grid compare\"><thead><tr><th></th><th>A</th><th>B</th><th>B − A</th></tr></thead><tbody>");
        measure(s, "tasks", c, side -> Optional.of((double) side.headline().tasks()), SummarySections::count);
        measure(s, "resolved", c, side -> side.headline().resolved().map(Integer::doubleValue), SummarySections::count);
        measure(s, "selected", c, side -> Optional.of((double) side.selected()), SummarySections::count);
        measure(s, "abstained", c, side -> Optional.of((double) side.headline().abstained()), SummarySections::count);
        measure(s, "errors", c, side -> Optional.of((double) side.headline().errors()), SummarySections::count);
        measure(s, "cost", c, side -> side.headline().spend().knownUsd().map(java.math.BigDecimal::doubleValue),
                v -> (v < 0 ? "−" : "") + Spend.dollars(java.math.BigDecimal.valueOf(Math.abs(v))));
        measure(s, "tokens", c, side -> Optional.of((double) side.headline().spend().tokens()), SummarySections::count);
        s.append("</tbody></table></div>");
        s.append("<div class=\"winloss\">");
        taskList(s, "wins", c.wins().size() + " task(s) " + c.basis() + " by A, not by B", c.wins());
        taskList(s, "losses", c.losses().size() + " task(s) " + c.basis() + " by B, not by A", c.losses());
        s.append("</div><p class=\"muted\">").append(c.both()).append(" task(s) ").append(c.basis()).append(" by both, ").append(c.neither())
                .append(" by neither");
        if (!c.onlyA().isEmpty()) s.append("; ").append(c.onlyA().size()).append(" only in A");
        if (!c.onlyB().isEmpty()) s.append("; ").append(c.onlyB().size()).append(" only in B");
        return s.append(".</p></section>").toString();
    }

    private static void measure(StringBuilder s, String name, Comparison c, Function<Comparison.Side, Optional<Double>> value,
                                Function<Double, String> fmt) {
        Optional<Double> a = value.apply(c.a()), b = value.apply(c.b());
        s.append("<tr><th>").append(name).append("</th><td class=\"num\">").append(Html.esc(a.map(fmt).orElse("unknown")))
                .append("</td><td class=\"num\">").append(Html.esc(b.map(fmt).orElse("unknown"))).append("</td><td class=\"num\">");
        if (a.isPresent() && b.isPresent()) {
            double d = b.get() - a.get();
            s.append(Html.esc((d > 0 ? "+" : "") + fmt.apply(d)));
        } else {
            s.append("–");
        }
        s.append("</td></tr>");
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v)).replace("-", "−");
    }

    private static void taskList(StringBuilder s, String cls, String title, List<String> ids) {
        s.append("<div class=\"").append(cls).append("\"><h3>").append(Html.esc(title)).append("</h3>");
        if (ids.isEmpty()) {
            s.append("<p class=\"muted\">none</p>");
        } else {
            s.append("<ul>");
            ids.forEach(id -> s.append("<li><code>").append(Html.esc(id)).append("</code></li>"));
            s.append("</ul>");
        }
        s.append("</div>");
    }

    /** The per-repository table; the resolved column only when the run is graded. */
    static String repos(List<RepoBreakdown.Line> lines) {
        boolean resolved = lines.stream().anyMatch(l -> l.resolved().isPresent());
        StringBuilder s = new StringBuilder("<div class=\"scroll\"><table id=\"repo-table\" class=\"grid repos\"><thead><tr><th>repository</th>"
                + "<th class=\"num\">tasks</th><th class=\"num\" title=\"a patch was chosen\">selected</th>"
                + "<th class=\"num\" title=\"no candidate was confident enough\">abstained</th><th class=\"num\">errors</th>");
        if (resolved) s.append("<th class=\"num\" title=\"graded by the eval run or the candidates' grades\">resolved</th>");
        s.append("<th class=\"num\">cost</th></tr></thead><tbody>");
        for (RepoBreakdown.Line l : lines) {
            s.append("<tr><td>").append(Html.esc(l.repo())).append("</td>");
            for (int v : new int[]{l.tasks(), l.selected(), l.abstained(), l.errors()}) s.append("<td class=\"num\">").append(v).append("</td>");
            if (resolved) {
                s.append("<td class=\"num\">").append(l.resolved().map(r -> r + " (" + HtmlPage.pct(r, l.tasks()) + ")").orElse("–")).append("</td>");
            }
            s.append("<td class=\"num\">").append(Html.esc(l.spend().costLabel())).append("</td></tr>");
        }
        return s.append("</tbody></table></div>").toString();
    }
}
