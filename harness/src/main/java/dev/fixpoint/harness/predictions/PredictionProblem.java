package dev.fixpoint.harness.predictions;

/**
 * A predictions row that could not be used.
 *
 * @param file       the predictions file
 * @param row        1-based line (JSONL) or element (JSON array) number; 0 when the whole file is unreadable
 * @param instanceId the row's instance id when it could be read, else empty
 * @param message    what is wrong, naming the field
 */
public record PredictionProblem(String file, int row, String instanceId, String message) {

    public PredictionProblem {
        instanceId = instanceId == null ? "" : instanceId;
    }

    @Override
    public String toString() {
        return file + (row > 0 ? ":" + row : "") + (instanceId.isEmpty() ? "" : " (" + instanceId + ")") + ": "
                + message;
    }
}
