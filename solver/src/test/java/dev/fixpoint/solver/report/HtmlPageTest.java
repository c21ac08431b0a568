package dev.fixpoint.solver.report;

import dev.fixpoint.solver.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page as text: self-contained, run texts escaped, one lazily parsed blob per task. */
class HtmlPageTest {

    @Test
    void runTextsNeverReachThePageUnescaped(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(SyntheticRun.Spec.small(), tmp.resolve("b"), tmp.resolve("e"), true);
        ReportData data = ReportInputs.load(Optional.of(tmp.resolve("b")), Optional.of(tmp.resolve("e")), Optional.empty());
        String html = HtmlPage.render(data, HtmlPage.Options.defaults());

        assertFalse(html.contains("__pwned=1</script>"), "the payload's script element is not in the page as markup");
        assertFalse(html.contains("onerror=\"window.__pwned"), "the payload's attribute is not in the page as markup");
        assertFalse(html.contains("window.__pwned"), "the payload is only inside the compressed task blobs");
        assertTrue(blob(html, 0).contains("\\u003Cscript\\u003Ewindow.__pwned=1"), "the payload is in the task's JSON, escaped");
        // exactly the page's own script elements: the shared texts, one blob per task, the page script
        Matcher m = Pattern.compile("<script\\b").matcher(html);
        int scripts = 0;
        while (m.find()) scripts++;
        assertEquals(1 + 6 + 1, scripts);
        assertEquals(6, html.split("<tr data-status=", -1).length - 1, "one table row per task");
    }

    /** The JSON of task {@code index}'s blob: base64, gzip. */
    static String blob(String html, int index) throws IOException {
        Matcher m = Pattern.compile("<script type=\"" + Pattern.quote(Blobs.TYPE) + "\" id=\"task-" + index + "\">([A-Za-z0-9+/=]*)</script>").matcher(html);
        assertTrue(m.find(), "task " + index + " has a blob of base64");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePageNeedsNoNetwork(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(2, 2, 2, 50, true, false, false, 5), tmp, null, false);
        String html = HtmlPage.render(ReportInputs.load(Optional.of(tmp), Optional.empty(), Optional.empty()), HtmlPage.Options.defaults());
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
        assertFalse(html.contains("<link "), "no stylesheet link");
        assertTrue(html.contains("<svg class=\"chart\""), "the curves are inline SVG");
        assertTrue(html.contains("SCRIPTED model"), "a scripted run says so");
        assertTrue(html.contains("scripted (no cost)"));
        assertTrue(html.contains("proxy, not grades"), "ungraded curves say they are a proxy");
    }

    @Test
    void theCommandWritesThePage(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(2, 2, 2, 50, false, true, false, 9), tmp.resolve("b"), tmp.resolve("e"), false);
        Path out = tmp.resolve("r.html");
        assertEquals(0, Main.run("report", tmp.resolve("b").toString(), "--eval", tmp.resolve("e").toString(), "--out", out.toString()));
        assertTrue(Files.readString(out).startsWith("<!doctype html>"));
        assertEquals(0, Main.run("report", "--eval", tmp.resolve("e").toString(), "--out", tmp.resolve("eval-only.html").toString()));
        assertEquals(2, Main.run("report", tmp.resolve("missing").toString()), "a directory that is not a run is bad input");
        assertEquals(2, Main.run("report"), "nothing to report on");
    }

    @Test
    void theCommandReadsSolveAndEvalDirectoriesAndComparesTwoRuns(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(1, 2, 2, 50, false, true, false, 4), tmp.resolve("solve"), null, false);
        Files.delete(tmp.resolve("solve/run.json"));
        assertEquals(0, Main.run("report", tmp.resolve("solve").toString()));
        String solvePage = Files.readString(tmp.resolve("solve/report.html"));
        assertTrue(solvePage.contains("solve run: one issue"), "the page says it is a solve run");
        assertTrue(solvePage.contains("Fixpoint report: solve run solve"));

        SyntheticRun.write(new SyntheticRun.Spec(8, 2, 2, 50, false, true, false, 5), tmp.resolve("a"), tmp.resolve("ea"), true);
        SyntheticRun.write(new SyntheticRun.Spec(8, 2, 2, 50, false, true, false, 6), tmp.resolve("b"), null, true);
        assertEquals(0, Main.run("report", tmp.resolve("ea").toString(), "--out", tmp.resolve("eval.html").toString()), "an eval directory alone");
        Path out = tmp.resolve("ab.html");
        assertEquals(0, Main.run("report", tmp.resolve("a").toString(), tmp.resolve("b").toString(), "--eval", tmp.resolve("ea").toString(),
                "--out", out.toString()));
        String html = Files.readString(out);
        assertTrue(html.indexOf("id=\"compare\"") > 0 && html.indexOf("id=\"compare\"") < html.indexOf("id=\"summary\""),
                "the comparison is at the top");
        assertTrue(html.contains("Comparison: A vs B") && html.contains("by A, not by B") && html.contains("by B, not by A"));
        assertTrue(html.contains("<th>resolved</th>") && html.contains("<th>cost</th>") && html.contains("<th>tokens</th>"));
        assertEquals(2, Main.run("report", tmp.resolve("a").toString(), tmp.resolve("missing").toString()), "B must be a run too");
    }

    @Test
    void tableColumnsArePlainAndEmptyOnesAreLeftOut(@TempDir Path tmp) throws IOException {
        SyntheticRun.write(new SyntheticRun.Spec(3, 3, 2, 50, false, true, false, 8), tmp.resolve("plain"), null, false);
        TaskTable ungraded = new TaskTable(TaskRows.of(ReportInputs.load(Optional.of(tmp.resolve("plain")), Optional.empty(), Optional.empty())));
        assertFalse(ungraded.headers().contains("candidates resolving"), "no grades: the column would be all dashes");
        assertTrue(ungraded.headers().containsAll(java.util.List.of("task", "outcome", "agreement", "score", "cost")), ungraded.headers().toString());
        assertFalse(ungraded.head().contains("clusters") || ungraded.head().contains("runner-up"));
        assertTrue(ungraded.head().contains("title=\"candidates whose patches behave the same"), "headers carry a tooltip");
        assertTrue(Pattern.compile(">\\d of 3</td>").matcher(ungraded.body()).find(), "agreement reads 'n of 3'");

        SyntheticRun.write(new SyntheticRun.Spec(3, 3, 2, 50, false, true, false, 8), tmp.resolve("graded"), null, true);
        TaskTable graded = new TaskTable(TaskRows.of(ReportInputs.load(Optional.of(tmp.resolve("graded")), Optional.empty(), Optional.empty())));
        assertTrue(graded.headers().contains("candidates resolving"));
    }

    @Test
    void equalCurvesAreToldApartAndNotesFolded(@TempDir Path tmp) {
        Curves c = new Curves(3, 10, java.util.List.of(
                new Curves.Curve("coverage", "coverage", java.util.List.of(0.5, 0.6, 0.7), "any candidate resolves"),
                new Curves.Curve("selected", "selected", java.util.List.of(0.5, 0.6, 0.7), "the chosen one resolves"),
                new Curves.Curve("pass@k", "pass", java.util.List.of(0.4, 0.5, 0.6), "unbiased estimator"),
                new Curves.Curve("oracle", "selected", java.util.List.of(0.5, 0.6, 0.7), "best possible pick")),
                java.util.List.of(1.0, 2.0, 3.0), "USD", false, java.util.List.of("note one", "note two"));
        assertEquals(java.util.List.of(-1, 0, -1, 0), java.util.Arrays.stream(SvgChart.sameAs(c.rates())).boxed().toList());
        String svg = SvgChart.render(c);
        assertTrue(svg.contains("data-name=\"coverage\" data-lift=\"0.0\""));
        assertTrue(svg.contains("data-name=\"selected\" data-lift=\"3.5\""), "the first copy is lifted");
        assertTrue(svg.contains("data-name=\"oracle\" data-lift=\"7.0\""), "the second copy is lifted more");
        assertTrue(svg.contains("<rect class=\"mk\"") && svg.contains("<polygon class=\"mk\""), "each curve has its own marker shape");
        assertTrue(svg.contains("viewBox=\"0 0 1100 "), "drawn wide");
        String section = HtmlPage.curves(c);
        assertTrue(section.contains("(same as coverage: drawn just above it)"), "the legend says which curves coincide");
        assertEquals(2, section.split("same as coverage", -1).length - 1, "both copies say so");
        assertTrue(section.contains("<details class=\"notes\"><summary>"), "the notes are folded");
        assertTrue(section.indexOf("note two") > section.indexOf("<details"), "notes inside the fold");
    }
}
