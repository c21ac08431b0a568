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
}
