package dev.fixpoint.harness;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A run's summary in SWE-bench's run-report schema (schema_version 2) plus our id lists.
 *
 * <p>Mapping of our statuses: {@code completed} = graded with a verdict (resolved, partial, unresolved, flaky,
 * patch failed, timeout); {@code resolved} = resolved; {@code unresolved} = the other completed ones;
 * {@code empty_patch} = empty patch; {@code error} = error, no results (also listed apart in {@code no_results_ids}:
 * the tests ran but their log held no result), invalid, or not finished; {@code incomplete} = tasks
 * with no prediction. (SWE-bench itself files a patch that did not apply under error, having no report for it; we
 * grade it unresolved and list it in {@code patch_failed_ids}.)
 *
 * @param totalInstances tasks in scope
 * @param statuses       status of every submitted instance that has a report
 * @param submittedIds   ids of the predictions in scope
 * @param incompleteIds  tasks in scope without a prediction
 * @param unfinishedIds  submitted instances without a report (interrupted or failed to write)
 * @param invalidPredictions predictions rows that named no usable instance, as messages
 * @param testDuration   sum of the test commands' own wall times over all reports
 * @param tamperedIds    graded instances whose patch changes test infrastructure ({@link TamperCheck}); not a
 *                       SWE-bench field
 */
public record RunSummary(int totalInstances, Map<String, EvalStatus> statuses, Set<String> submittedIds,
                         Set<String> incompleteIds, Set<String> unfinishedIds, List<String> invalidPredictions,
                         Duration testDuration, Set<String> tamperedIds) {

    public RunSummary {
        statuses = new TreeMap<>(statuses);
        submittedIds = new TreeSet<>(submittedIds);
        incompleteIds = new TreeSet<>(incompleteIds);
        unfinishedIds = new TreeSet<>(unfinishedIds);
        invalidPredictions = List.copyOf(invalidPredictions);
        tamperedIds = new TreeSet<>(tamperedIds == null ? Set.of() : tamperedIds);
    }

    /** A summary with no tampered instance. */
    public RunSummary(int totalInstances, Map<String, EvalStatus> statuses, Set<String> submittedIds,
                      Set<String> incompleteIds, Set<String> unfinishedIds, List<String> invalidPredictions,
                      Duration testDuration) {
        this(totalInstances, statuses, submittedIds, incompleteIds, unfinishedIds, invalidPredictions, testDuration,
                Set.of());
    }

    public List<String> ids(EvalStatus... wanted) {
        Set<EvalStatus> w = Set.of(wanted);
        return statuses.entrySet().stream().filter(e -> w.contains(e.getValue())).map(Map.Entry::getKey).toList();
    }

    public List<String> completedIds() {
        return statuses.entrySet().stream().filter(e -> e.getValue().isGraded() && e.getValue() != EvalStatus.EMPTY_PATCH)
                .map(Map.Entry::getKey).toList();
    }

    public List<String> resolvedIds() {
        return ids(EvalStatus.RESOLVED);
    }

    public List<String> unresolvedIds() {
        return completedIds().stream().filter(id -> statuses.get(id) != EvalStatus.RESOLVED).toList();
    }

    public List<String> errorIds() {
        Set<String> e = new TreeSet<>(ids(EvalStatus.ERROR, EvalStatus.NO_RESULTS, EvalStatus.INVALID));
        e.addAll(unfinishedIds);
        return List.copyOf(e);
    }

    /** Every submitted instance was graded (no error, invalid row or unfinished instance). */
    public boolean allGraded() {
        return errorIds().isEmpty() && invalidPredictions.isEmpty();
    }

    /** summary.json text. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total_instances", totalInstances);
        m.put("submitted_instances", submittedIds.size());
        m.put("completed_instances", completedIds().size());
        m.put("resolved_instances", resolvedIds().size());
        m.put("unresolved_instances", unresolvedIds().size());
        m.put("empty_patch_instances", ids(EvalStatus.EMPTY_PATCH).size());
        m.put("error_instances", errorIds().size());
        m.put("completed_ids", completedIds());
        m.put("incomplete_ids", new ArrayList<>(incompleteIds));
        m.put("empty_patch_ids", ids(EvalStatus.EMPTY_PATCH));
        m.put("submitted_ids", new ArrayList<>(submittedIds));
        m.put("resolved_ids", resolvedIds());
        m.put("unresolved_ids", unresolvedIds());
        m.put("error_ids", errorIds());
        m.put("schema_version", 2);
        m.put("partial_ids", ids(EvalStatus.PARTIAL));
        m.put("flaky_ids", ids(EvalStatus.FLAKY));
        m.put("patch_failed_ids", ids(EvalStatus.PATCH_FAILED));
        m.put("timeout_ids", ids(EvalStatus.TIMEOUT));
        m.put("no_results_ids", ids(EvalStatus.NO_RESULTS));
        m.put("invalid_ids", ids(EvalStatus.INVALID));
        m.put("unfinished_ids", new ArrayList<>(unfinishedIds));
        m.put("invalid_predictions", invalidPredictions);
        m.put("tampered_ids", new ArrayList<>(tamperedIds));
        m.put("test_duration", Json.seconds(testDuration));
        return Json.write(m);
    }

    /** Resolved share of submitted instances, in percent with one decimal. */
    public BigDecimal resolvedPercent() {
        if (submittedIds.isEmpty()) return BigDecimal.ZERO;
        return BigDecimal.valueOf(resolvedIds().size() * 1000L / submittedIds.size(), 1);
    }
}
