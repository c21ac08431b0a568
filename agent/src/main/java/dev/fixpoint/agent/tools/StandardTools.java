package dev.fixpoint.agent.tools;

import dev.fixpoint.agent.Tool;

import java.util.List;

/** The tools every rollout gets. */
public final class StandardTools {

    private StandardTools() {}

    public static List<Tool> all() {
        return List.of(new BashTool(), new ViewTool(), new SearchTool(), new EditTool(), new OutlineTool(),
                new FindSymbolTool(), new SubmitTool());
    }
}
