package dev.fixpoint.solver.report;

import dev.fixpoint.solver.grade.PatchGrade;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An eval run directory as read: each instance's grade (from its {@code report.json}) and the summary's counts.
 *
 * @param root      the directory
 * @param grades    grade by instance id
 * @param summary   counts from {@code summary.json}, if present
 * @param testSeconds sum of test-command time the summary records, or 0
 */
public record EvalRun(Path root, Map<String, PatchGrade> grades, Optional<Summary> summary, double testSeconds) {

    /** SWE-bench's summary counts. */
    public record Summary(int total, int submitted, int completed, int resolved, int unresolved, int emptyPatch, int error) {}

    public EvalRun {
        grades = Map.copyOf(new TreeMap<>(grades));
    }
}
