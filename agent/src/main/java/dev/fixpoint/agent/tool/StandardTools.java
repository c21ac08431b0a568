package dev.fixpoint.agent.tool;

import dev.fixpoint.agent.Role;
import dev.fixpoint.tasks.layout.SourceLanguage;

import java.util.ArrayList;
import java.util.List;

/** The tools of an agent session, chosen by its role and the repository's language. */
public final class StandardTools {

    private StandardTools() {}

    /** The fixer's tools for a repository of both languages: outline and find_symbol read .py and .java files. */
    public static List<Tool> all() {
        return forTask(Role.FIX, SourceLanguage.MIXED);
    }

    /**
     * bash, view, search, edit, the code tools that fit {@code language} and submit (worded for {@code role}).
     * outline and find_symbol read Python with {@code ast} and Java with javaparser; a {@link SourceLanguage#MIXED}
     * repository gets both, each file read by its extension; an {@link SourceLanguage#UNKNOWN} one (neither .py nor
     * .java files) gets neither, since no parser fits its code and search covers it.
     */
    public static List<Tool> forTask(Role role, SourceLanguage language) {
        return forTask(role, language, ToolOptions.DEFAULT);
    }

    /** As {@link #forTask(Role, SourceLanguage)}, with the edit checks and the submit review {@code options} set. */
    public static List<Tool> forTask(Role role, SourceLanguage language, ToolOptions options) {
        List<Tool> tools = new ArrayList<>(List.of(new BashTool(), new ViewTool(), new SearchTool(), new EditTool(options.editChecks())));
        CodeLanguages.of(language).ifPresent(code -> {
            tools.add(new OutlineTool(code));
            tools.add(new FindSymbolTool(code));
        });
        tools.add(new SubmitTool(role, options.reviewSubmit()));
        return List.copyOf(tools);
    }
}
