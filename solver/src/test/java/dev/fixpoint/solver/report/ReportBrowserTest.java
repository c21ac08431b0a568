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
 * trajectory stays text; the comparison with a second run and the per-repository breakdown are readable at 1280 px and
 * at a phone's 390 px; the chart spans the content width; tool arguments read as text; diffs fit; j / k move between
 * tasks. Screenshots go to solver/target/report-screenshots/ (kept by CI as artifacts). Chromium comes from
 * scripts/lib/ensure-chromium.sh (installed with apt-get as root when missing); the tests skip, saying why, only when
 * there is none and it cannot be installed.
 */
@Tag("browser")
class ReportBrowserTest {

    static final Path ARTIFACTS = Path.of("target", "report-screenshots");

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
        SyntheticRun.write(new SyntheticRun.Spec(40, 4, 3, 100, false, true, false, 12), dir.resolve("other"), null, true);
        ReportData read = ReportInputs.load(Optional.of(dir.resolve("batch")), Optional.of(dir.resolve("eval")), Optional.empty());
        // three repositories, as a task file would give them
        java.util.Map<String, String> repos = new java.util.HashMap<>();
        for (int t = 0; t < 40; t++) repos.put("synthetic__repo-%04d".formatted(t), t % 3 == 0 ? "django/django" : t % 3 == 1 ? "sympy/sympy" : "psf/requests");
        ReportData data = new ReportData(read.batch(), read.eval(), read.grades(), read.issues(), repos);
        ReportData other = ReportInputs.load(Optional.of(dir.resolve("other")), Optional.empty(), Optional.empty());
        Files.createDirectories(ARTIFACTS);
        Path page = ARTIFACTS.resolve("report.html");
        Files.writeString(page, HtmlPage.render(data, Optional.of(other), HtmlPage.Options.defaults()));
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

    private interface AtWidth {
        void check(int width) throws IOException, InterruptedException;
    }

    /** Runs {@code check} at 1280 px and at a phone's 390 px, each after {@code show} and once {@code ready} holds. */
    private static void atDesktopAndPhoneWidth(String show, String ready, AtWidth check) throws IOException, InterruptedException {
        try {
            for (int width : new int[]{1280, 390}) {
                browser.viewport(width, width == 390 ? 844 : 1000);
                browser.eval(show);
                browser.waitFor(ready);
                check.check(width);
            }
        } finally {
            browser.viewport(1280, 1000);
        }
    }

    /** The document is no wider than the viewport: nothing is cut off or needs the page to scroll sideways. */
    private static void noPageOverflow(String where) throws IOException, InterruptedException {
        int scroll = browser.eval("document.documentElement.scrollWidth").asInt(), width = browser.eval("window.innerWidth").asInt();
        assertTrue(scroll <= width, where + ": the page is " + scroll + " px wide in a " + width + " px window");
    }

    @Test
    void theComparisonAndBreakdownReadAtDesktopAndPhoneWidth() throws IOException, InterruptedException {
        atDesktopAndPhoneWidth("location.hash = ''", "!document.getElementById('overview').hidden", width -> {
            browser.eval("window.scrollTo(0, 0)");
            assertTrue(browser.eval("document.querySelector('main').firstElementChild.id === 'compare'").asBoolean(), "comparison first");
            String text = browser.eval("document.getElementById('compare').innerText").asText();
            assertTrue(text.contains("A vs B") && text.contains("by A, not by B") && text.contains("by B, not by A"), text);
            assertTrue(text.contains("resolved"), "both runs are graded: the comparison counts resolved tasks");
            assertEquals(3, browser.eval("document.querySelectorAll('#repo-table tbody tr').length").asInt(), "three repositories");
            assertEquals(40, browser.eval("Array.from(document.querySelectorAll('#repo-table tbody tr')).map(r => +r.cells[1].textContent)"
                    + ".reduce((a, b) => a + b, 0)").asInt(), "the breakdown covers every task");
            // readable: the comparison fits its box; the breakdown fits at desktop width, and on a phone scrolls in its own
            // box with the repository column kept in view
            assertTrue(browser.eval("(t => t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1)(document.querySelector('#compare table'))")
                    .asBoolean(), width + " px: the comparison fits without scrolling");
            if (width == 1280) {
                assertTrue(browser.eval("(t => t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1)(document.getElementById('repo-table'))")
                        .asBoolean(), "the breakdown fits at 1280 px");
            } else {
                assertEquals("auto", browser.eval("getComputedStyle(document.getElementById('repo-table').parentElement).overflowX").asText());
                assertEquals("sticky", browser.eval("getComputedStyle(document.querySelector('#repo-table td')).position").asText());
            }
            noPageOverflow(width + " px overview");
            browser.screenshot(ARTIFACTS.resolve("compare-" + width + ".png"), false);
            browser.eval("document.getElementById('repos').scrollIntoView()");
            browser.screenshot(ARTIFACTS.resolve("repos-" + width + ".png"), false);
        });
    }

    @Test
    void theChartSpansTheContentAndItsNotesAreFolded() throws IOException, InterruptedException {
        browser.eval("location.hash = ''");
        browser.waitFor("!document.getElementById('overview').hidden");
        double chart = browser.eval("document.querySelector('svg.chart').getBoundingClientRect().width").asDouble();
        double content = browser.eval("document.getElementById('curves').getBoundingClientRect().width").asDouble();
        assertTrue(chart >= content - 1 && chart > 1000, "the chart is " + chart + " px in " + content + " px of content");
        assertFalse(browser.eval("document.querySelector('#curves details.notes').open").asBoolean(), "the notes are folded");
        assertTrue(browser.eval("document.querySelector('#curves details.notes summary').getBoundingClientRect().height > 0").asBoolean());
        assertEquals(browser.eval("document.querySelectorAll('.legend li').length - 1").asInt(),
                browser.eval("document.querySelectorAll('svg.chart g.series').length - 1").asInt(), "one legend entry per curve (and cost)");
        browser.eval("document.getElementById('curves').scrollIntoView()");
        browser.screenshot(ARTIFACTS.resolve("chart-1280.png"), false);
    }

    @Test
    void toolArgumentsReadAsTextAndDiffsFit() throws IOException, InterruptedException {
        atDesktopAndPhoneWidth("location.hash = '#task-0'", "!document.getElementById('detail').hidden && document.querySelector('#detail details.rollout')", width -> {
            assertTrue(browser.eval("document.querySelectorAll('#detail .diff').length").asInt() >= 2, "several distinct patches");
            assertTrue(browser.eval("(() => { const box = document.querySelector('#detail .diffs').getBoundingClientRect();"
                    + " return [...document.querySelectorAll('#detail .diff')].every(d => d.getBoundingClientRect().right <= box.right + 1"
                    + " && d.getBoundingClientRect().left >= box.left - 1); })()").asBoolean(), width + " px: every diff column is inside the view");
            noPageOverflow(width + " px task");
            browser.eval("document.querySelector('#detail .diffs').scrollIntoView()");
            browser.screenshot(ARTIFACTS.resolve("diffs-" + width + ".png"), false);

            browser.eval("document.querySelector('#detail details.rollout').open = true");
            browser.waitFor("document.querySelector('#detail details.rollout .args .block')");
            String block = browser.eval("document.querySelector('#detail details.rollout .args .block pre').textContent").asText();
            assertEquals("def add(a, b):\n    return a + b\n", block, "old_str as the text it is, line breaks and all");
            assertTrue(browser.eval("document.querySelector('#detail details.rollout .args .block').parentElement.textContent.includes('if b < 0:')").asBoolean());
            assertFalse(browser.eval("document.querySelector('#detail details.rollout').textContent.includes('\\\\n')").asBoolean(),
                    "no literal \\n in the trajectory");
            browser.eval("document.querySelector('#detail details.rollout .args .block').scrollIntoView()");
            browser.screenshot(ARTIFACTS.resolve("tool-args-" + width + ".png"), false);
            noPageOverflow(width + " px trajectory");
            browser.eval("location.hash = '#tasks'");
            browser.waitFor("!document.getElementById('overview').hidden");
        });
    }

    @Test
    void jAndKMoveBetweenTasks() throws IOException, InterruptedException {
        browser.load(url); // a fresh page: no task marked yet
        browser.waitFor("document.documentElement.getAttribute('data-ready') === '1' && !document.getElementById('overview').hidden");
        assertTrue(browser.eval("document.querySelector('#tasks .keys').textContent.includes('j')").asBoolean(), "the keys are documented");
        String key = "(k => document.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true})))";
        String currentTask = "document.querySelector('#task-table tr.current a').textContent";
        String firstTask = browser.eval("document.querySelector('#task-table tbody tr:not([hidden]) a').textContent").asText();
        String secondTask = browser.eval("document.querySelectorAll('#task-table tbody tr:not([hidden]) a')[1].textContent").asText();
        browser.eval(key + "('j')");
        assertEquals(firstTask, browser.eval(currentTask).asText(), "j marks the first task");
        browser.eval(key + "('ArrowDown')");
        assertEquals(secondTask, browser.eval(currentTask).asText(), "down marks the next");
        browser.eval(key + "('k')");
        assertEquals(firstTask, browser.eval(currentTask).asText(), "k goes back");
        browser.eval(key + "('Enter')");
        browser.waitFor("!document.getElementById('detail').hidden && document.querySelector('#detail h2').textContent.startsWith('" + firstTask + "')");
        browser.eval(key + "('j')");
        browser.waitFor("!document.getElementById('detail').hidden && document.querySelector('#detail h2').textContent.startsWith('" + secondTask + "')");
        browser.eval(key + "('k')");
        browser.waitFor("document.querySelector('#detail h2').textContent.startsWith('" + firstTask + "')");
        browser.eval(key + "('Escape')");
        browser.waitFor("!document.getElementById('overview').hidden && document.getElementById('detail').hidden");
        assertEquals(firstTask, browser.eval(currentTask).asText(), "back in the list on the task that was open");
        assertEquals(java.util.List.of(), browser.errors(), "no console errors or exceptions");
    }

    private static String evalQuietly(String js) {
        try {
            return browser.eval(js).asText();
        } catch (IOException | InterruptedException e) {
            return "(cannot read: " + e.getMessage() + ")";
        }
    }
}
