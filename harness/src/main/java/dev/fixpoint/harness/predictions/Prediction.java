package dev.fixpoint.harness.predictions;

/**
 * One model's patch for one task, as in SWE-bench's predictions file.
 *
 * @param instanceId      task id ({@code org__repo-number} for Multi-SWE-bench rows)
 * @param modelNameOrPath who made the patch; {@code "gold"} for a task's own patch
 * @param modelPatch      unified diff; null when the row had {@code "model_patch": null} (SWE-bench's patch_is_None)
 */
public record Prediction(String instanceId, String modelNameOrPath, String modelPatch) {

    /** Model name used for {@code --gold} predictions. */
    public static final String GOLD = "gold";

    public Prediction {
        if (instanceId == null || instanceId.isBlank()) {
            throw new IllegalArgumentException("not a valid instance_id: " + instanceId);
        }
        modelNameOrPath = modelNameOrPath == null || modelNameOrPath.isBlank() ? "unknown" : modelNameOrPath;
    }

    /** SWE-bench's empty patch: null or only whitespace. */
    public boolean isEmpty() {
        return modelPatch == null || modelPatch.isBlank();
    }
}
