package dev.fixpoint.solver.report;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report page end to end in headless Chromium over the DevTools protocol: it renders without console errors, the
 * table filters and sorts, a task opens with its diffs, test matrix and a trajectory, and a {@code <script>} in a
 * trajectory stays text. Screenshots go to solver/target/report-artifacts/. Chromium comes from
 * scripts/lib/ensure-chromium.sh (installed with apt-get as root when missing); the tests skip, saying why, only when
 * there is none and it cannot be installed.
 */
@Tag("browser")
class ReportBrowserTest {

    static final Path ARTIFACTS = Path.of("target", "report-artifacts");

    @TempDir
    static Path dir;
    static HeadlessChromium browser;
    static String url;

    @BeforeAll
    static void openThePage() throws IOException, InterruptedException {
        StringBuilder why = new StringBuilder();
        Optional<Path> chromium = HeadlessChromium.locate(why);
        Assumptions.assumeTrue(chromium.isPresent(), () -> "skipped: " + why);
        SyntheticRun.write(new SyntheticRun.Spec(40, 4, 5, 900, false, true, true, 11), dir.resolve("batch"), dir.resolve("eval"), true);
        ReportData data = ReportInputs.load(Optional.of(dir.resolve("batch")), Optional.of(dir.resolve("eval")), Optional.empty());
        Files.createDirectories(ARTIFACTS);
        Path page = ARTIFACTS.resolve("report.html");
        Files.writeString(page, HtmlPage.render(data, HtmlPage.Options.defaults()));
        url = page.toAbsolutePath().toUri().toString();
        browser = HeadlessChromium.start(chromium.get(), 1280, 1000);
        browser.load(url);
        browser.waitFor("document.documentElement.getAttribute('data-ready') === '1'");
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) browser.close();
    }

    @Test
    void rendersWithoutErrors() throws IOException, InterruptedException {
        assertEquals(40, browser.eval("document.querySelectorAll('#task-table tbody tr').length").asInt());
        assertTrue(browser.eval("document.querySelector('svg.chart polyline') !== null").asBoolean(), "the chart is drawn");
        assertTrue(browser.eval("document.getElementById('js-errors').hidden").asBoolean(),
                () -> "page errors: " + evalQuietly("document.getElementById('js-errors').textContent"));
        assertEquals(java.util.List.of(), browser.errors(), "no console errors or exceptions");
        browser.screenshot(ARTIFACTS.resolve("overview.png"), false);
    }

    @Test
    void theTableFiltersAndSorts() throws IOException, InterruptedException {
        String visible = "Array.from(document.querySelectorAll('#task-table tbody tr')).filter(r => !r.hidden).length";
        browser.eval("(() => { const f = document.getElementById('filter'); f.value = 'repo-0003'; f.dispatchEvent(new Event('input')); })()");
        assertEquals(1, browser.eval(visible).asInt());
        assertEquals("1 of 40 tasks", browser.eval("document.getElementById('shown').textContent").asText());
        browser.eval("(() => { const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input')); })()");
        assertEquals(40, browser.eval(visible).asInt());

        browser.eval("(() => { const s = document.getElementById('status-filter'); s.value = 'resolved'; s.dispatchEvent(new Event('change')); })()");
        int resolved = browser.eval(visible).asInt();
        assertTrue(resolved > 0 && resolved < 40, "some tasks resolve, not all: " + resolved);
        assertTrue(browser.eval("Array.from(document.querySelectorAll('#task-table tbody tr')).filter(r => !r.hidden)"
                + ".every(r => r.getAttribute('data-status') === 'resolved')").asBoolean());
        browser.eval("(() => { const s = document.getElementById('status-filter'); s.value = ''; s.dispatchEvent(new Event('change')); })()");

        browser.eval("document.querySelector('#task-table th').click()");
        browser.eval("document.querySelector('#task-table th').click()");
        assertEquals("synthetic__repo-0039", browser.eval("document.querySelector('#task-table tbody tr td a').textContent").asText(),
                "sorted by task, descending");
        browser.eval("document.querySelector('#task-table th').click()");
        assertEquals("synthetic__repo-0000", browser.eval("document.querySelector('#task-table tbody tr td a').textContent").asText());
    }

    @Test
    void aTaskOpensWithItsTrajectoryAndHostileTextStaysText() throws IOException, InterruptedException {
        browser.eval("location.hash = '#task-0'");
        browser.waitFor("!document.getElementById('detail').hidden && document.querySelector('#detail details.rollout')");
        assertTrue(browser.eval("document.getElementById('overview').hidden").asBoolean());
        assertTrue(browser.eval("document.querySelectorAll('#detail .diff').length").asInt() >= 1, "diffs shown");
        assertTrue(browser.eval("document.querySelectorAll('#detail .diff .add').length").asInt() >= 1, "added lines coloured");
        assertTrue(browser.eval("document.querySelectorAll('#detail table.grid td.pass, #detail table.grid td.fail').length").asInt() > 0,
                "test matrix filled from the grades");
        assertTrue(browser.eval("document.getElementById('detail').textContent.includes('Verification tests')").asBoolean(),
                "the verifiers' own matrix is shown");

        browser.eval("document.querySelector('#detail details.rollout').open = true");
        browser.waitFor("document.querySelectorAll('#detail details.rollout .step').length === 5");
        assertTrue(browser.eval("document.querySelector('#detail details.rollout').textContent.includes('→ bash')").asBoolean(), "tool calls shown");

        assertFalse(browser.eval("'__pwned' in window").asBoolean(), "no payload ran");
        assertEquals(0, browser.eval("document.querySelectorAll('#detail script, #detail img').length").asInt(), "no payload element");
        assertTrue(browser.eval("document.getElementById('detail').textContent.includes('<script>window.__pwned=1</script>')").asBoolean(),
                "the payload is shown as text");
        assertEquals(java.util.List.of(), browser.errors(), "no console errors or exceptions");
        browser.screenshot(ARTIFACTS.resolve("task.png"), false);
        browser.eval("window.scrollTo(0, document.querySelector('#detail details.rollout').offsetTop)");
        browser.screenshot(ARTIFACTS.resolve("trajectory.png"), false);

        browser.eval("location.hash = '#tasks'");
        browser.waitFor("!document.getElementById('overview').hidden && document.getElementById('detail').hidden");
    }

    private static String evalQuietly(String js) {
        try {
            return browser.eval(js).asText();
        } catch (IOException | InterruptedException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }
}
