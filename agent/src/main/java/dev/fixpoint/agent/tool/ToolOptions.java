package dev.fixpoint.agent.tool;

import java.util.Objects;

/**
 * Options of a session's tools.
 *
 * @param editChecks   which checks of names the edit tool runs after each edit, per language
 * @param reviewSubmit whether a fixer's first submit shows its patch with warnings and asks to confirm with a second
 *                     submit ({@link SubmitTool}); scripted sessions must then submit twice
 */
public record ToolOptions(EditChecks editChecks, boolean reviewSubmit) {

    /** Both edit checks and no review: what {@link Toolbox#standard()} and {@link Toolbox#forTask(dev.fixpoint.agent.Role,
     * dev.fixpoint.tasks.layout.SourceLanguage)} give. */
    public static final ToolOptions DEFAULT = new ToolOptions(EditChecks.ALL, false);

    public ToolOptions {
        Objects.requireNonNull(editChecks, "editChecks");
    }
}
