package dev.fixpoint.solver.report;

import java.util.List;
import java.util.Optional;

/**
 * One line of the task table.
 *
 * @param index        position in the page (names the task's detail blob)
 * @param instanceId   the task
 * @param status       what the table shows: the eval status, else the chosen candidate's grade, else the selection's
 *                     ("abstained", "error", "selected", "unfinished", ...)
 * @param statusSource where the status came from: "eval", "candidate grade", "selection"
 * @param selection    the selection report's status, or "-" without a batch run
 * @param chosen       the chosen candidate
 * @param clusterSizes cluster sizes, largest first
 * @param score        winning score, if any
 * @param runnerUp     runner-up score, if any
 * @param resolving    candidates graded resolved, of those graded; empty when not graded
 * @param candidates   number of candidates
 * @param spend        the task's spend
 * @param wallMs       the task's wall time
 */
public record TaskRow(int index, String instanceId, String status, String statusSource, String selection, Optional<String> chosen,
                      List<Integer> clusterSizes, Optional<Double> score, Optional<Double> runnerUp, Optional<int[]> resolving,
                      int candidates, Spend spend, long wallMs) {

    public TaskRow {
        clusterSizes = List.copyOf(clusterSizes);
    }
}
