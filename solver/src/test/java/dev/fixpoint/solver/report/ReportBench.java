package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * scripts/bench-report: a synthetic run of N tasks (default 2,000; 4 rollouts of 6 steps, ~800-character observations,
 * grades and an eval run), its report page, and how long headless Chromium takes to load it: navigation start to the
 * end of the load event (Navigation Timing, read over the DevTools protocol), against an empty page loaded by the same
 * browser in the same run. Also: opening one task (hash change to its details rendered) and one trajectory. Medians of
 * several loads, each in a fresh tab state (reload). Target: the report opens in under 2 s.
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rollouts = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        StringBuilder why = new StringBuilder();
        Path chromium = HeadlessChromium.locate(why).orElseThrow(() -> new IllegalStateException("bench-report: " + why));
        Path work = Files.createTempDirectory("fixpoint-bench-report-");
        try {
            long t0 = System.nanoTime();
            SyntheticRun.write(new SyntheticRun.Spec(tasks, rollouts, 6, 800, false, true, false, 42), work.resolve("batch"), work.resolve("eval"), true);
            long t1 = System.nanoTime();
            ReportData data = ReportInputs.load(Optional.of(work.resolve("batch")), Optional.of(work.resolve("eval")), Optional.empty());
            String html = HtmlPage.render(data, HtmlPage.Options.defaults());
            long t2 = System.nanoTime();
            Path page = work.resolve("report.html");
            Files.writeString(page, html);
            Path empty = work.resolve("empty.html");
            Files.writeString(empty, "<!doctype html><html><head><meta charset=\"utf-8\"><title>empty</title></head><body></body></html>");
            System.out.printf(Locale.ROOT, "bench-report: %d tasks x %d rollouts; run dir written in %.1f s; page rendered in %.1f s; page %.1f MB%n",
                    tasks, rollouts, (t1 - t0) / 1e9, (t2 - t1) / 1e9, Files.size(page) / 1e6);

            List<Double> emptyMs = new ArrayList<>(), pageMs = new ArrayList<>(), pageWall = new ArrayList<>(), taskMs = new ArrayList<>(),
                    trajMs = new ArrayList<>();
            try (HeadlessChromium b = HeadlessChromium.start(chromium, 1280, 900)) {
                String emptyUrl = empty.toUri().toString(), pageUrl = page.toUri().toString();
                b.load(emptyUrl);
                b.load(pageUrl); // warm-up: file cache, code cache
                for (int i = 0; i < runs; i++) {
                    b.load(emptyUrl);
                    emptyMs.add(navigationMs(b));
                    Duration wall = b.load(pageUrl);
                    pageMs.add(navigationMs(b));
                    pageWall.add(wall.toNanos() / 1e6);
                    b.waitFor("document.documentElement.getAttribute('data-ready') === '1'");
                    int task = (i * 397) % tasks;
                    String id = "synthetic__repo-%04d".formatted(task);
                    taskMs.add(b.eval("new Promise(r => { const t = performance.now(); location.hash = '#task-" + task + "';"
                            + " (function poll() { const h = document.querySelector('#detail h2');"
                            + " if (!document.getElementById('detail').hidden && h && h.textContent.includes('" + id + "'))"
                            + " requestAnimationFrame(() => r(performance.now() - t)); else setTimeout(poll, 1); })(); })").asDouble());
                    trajMs.add(b.eval("new Promise(r => { const d = document.querySelector('#detail details.rollout'); const t = performance.now();"
                            + " d.open = true; requestAnimationFrame(() => setTimeout(() => r(performance.now() - t), 0)); })").asDouble());
                    if (!b.eval("document.querySelectorAll('#detail .step').length > 0").asBoolean()) {
                        throw new IllegalStateException("bench-report: the trajectory did not render");
                    }
                }
                if (!b.errors().isEmpty()) throw new IllegalStateException("bench-report: page errors: " + b.errors());
            }
            double e = median(emptyMs), p = median(pageMs);
            System.out.printf(Locale.ROOT, "empty page:   %6.0f ms  (navigation start -> load event end, median of %d)%n", e, runs);
            System.out.printf(Locale.ROOT, "report page:  %6.0f ms  (same; wall from Page.navigate to loadEventFired %.0f ms)%n", p, median(pageWall));
            System.out.printf(Locale.ROOT, "ratio report/empty: %.1f x; open one task %.0f ms, open one trajectory %.0f ms%n",
                    p / Math.max(e, 1), median(taskMs), median(trajMs));
            System.out.printf(Locale.ROOT, "target: opens in under 2000 ms -> %s%n", p < 2000 ? "MET" : "NOT MET");
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
            }
        }
    }

    private static double navigationMs(HeadlessChromium b) throws IOException, InterruptedException {
        JsonNode n = b.eval("(() => { const e = performance.getEntriesByType('navigation')[0]; return e.loadEventEnd - e.startTime; })()");
        return n.asDouble();
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
