package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolParam;
import dev.fixpoint.models.ToolSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static dev.fixpoint.models.ToolParam.Type.INTEGER;
import static dev.fixpoint.models.ToolParam.Type.STRING;

/**
 * Edits files: str_replace (old_str must occur exactly once), create, insert after a line, and undo of the last
 * edit of a file. The copy for undo is kept in the sandbox ({@link UndoStore}), so the tool itself is stateless.
 * After each edit the file is checked ({@link SyntaxCheck}: syntax, and names as {@link EditChecks} says) and the
 * problems the edit introduced are shown to the model, with file and line.
 * Cost: one exec to read, one to save-for-undo + write + check (create and undo: one exec); a checked .java file adds
 * one exec to list the repository's Java files and one per file whose types the check needs.
 */
final class EditTool extends FixedSpecTool {

    static final int SNIPPET_CONTEXT = 4;

    private final EditChecks checks;

    EditTool(EditChecks checks) {
        super(new ToolSpec("edit",
                "Edit a file. Commands: str_replace (replace old_str, which must occur exactly once, with new_str), "
                        + "create (write file_text to a new or existing file), insert (insert new_str after line insert_line; "
                        + "0 = at the top), undo (restore the file as it was before its last edit).",
                List.of(ToolParam.oneOf("command", List.of("str_replace", "create", "insert", "undo"), "what to do"),
                        ToolParam.required("path", STRING, "file, relative to the repository or absolute"),
                        ToolParam.optional("old_str", STRING, "str_replace: the exact text to replace, with enough context to be unique"),
                        ToolParam.optional("new_str", STRING, "str_replace, insert: the new text"),
                        ToolParam.optional("file_text", STRING, "create: the whole content of the file"),
                        ToolParam.optional("insert_line", INTEGER, "insert: the line after which new_str goes (0 = top)"))));
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    @Override
    public Observation run(ToolArgs args, ToolContext ctx) {
        String command = args.string("command");
        String path = ctx.resolve(args.string("path"));
        if (path.startsWith(ctx.stateDir() + "/") || path.equals(ctx.stateDir())) {
            throw new ToolInputException("edit: " + path + " is reserved for the tools' bookkeeping");
        }
        return switch (command) {
            case "str_replace" -> replace(ctx, path, args);
            case "create" -> create(ctx, path, args);
            case "insert" -> insert(ctx, path, args);
            case "undo" -> undo(ctx, path);
            default -> throw new ToolInputException("edit: unknown command '" + command + "'; use str_replace, create, insert or undo");
        };
    }

    private Observation replace(ToolContext ctx, String path, ToolArgs args) {
        String oldStr = args.string("old_str");
        String newStr = args.optString("new_str").orElse("");
        if (oldStr.isEmpty()) throw new ToolInputException("edit: old_str is empty; use insert or create to add text");
        if (oldStr.equals(newStr)) throw new ToolInputException("edit: old_str and new_str are the same; nothing to change");
        String content = SandboxFiles.readText(ctx, path, "edit");
        List<Integer> at = occurrences(content, oldStr);
        if (at.isEmpty()) {
            throw new ToolInputException("edit: old_str was not found in " + ctx.display(path)
                    + ". It must match exactly, including whitespace and indentation; view the file and copy the text.");
        }
        if (at.size() > 1) {
            var lines = at.stream().map(i -> String.valueOf(lineOf(content, i))).toList();
            throw new ToolInputException("edit: old_str occurs " + at.size() + " times in " + ctx.display(path) + " (at lines "
                    + String.join(", ", lines) + "); include more surrounding lines so that it occurs once");
        }
        int idx = at.get(0);
        String updated = content.substring(0, idx) + newStr + content.substring(idx + oldStr.length());
        var written = write(ctx, path, updated);
        int first = lineOf(updated, idx);
        int last = first + (int) newStr.chars().filter(c -> c == '\n').count();
        return result(ctx, path, updated, Optional.of(content), written, "Replaced in " + ctx.display(path) + ".", first, last);
    }

    private Observation create(ToolContext ctx, String path, ToolArgs args) {
        String text = args.string("file_text");
        var written = write(ctx, path, text);
        String what = written.existed() ? "Overwrote existing file " : "Created ";
        return result(ctx, path, text, Optional.empty(), written, what + ctx.display(path) + " (" + Text.lines(text).length + " lines).", 0, -1);
    }

    private Observation insert(ToolContext ctx, String path, ToolArgs args) {
        int after = args.integer("insert_line");
        String newStr = args.string("new_str");
        String content = SandboxFiles.readText(ctx, path, "edit");
        String[] lines = Text.lines(content);
        if (after < 0 || after > lines.length) {
            throw new ToolInputException("edit: insert_line must be between 0 and " + lines.length + " (the file's length), not " + after);
        }
        var list = new ArrayList<>(Arrays.asList(lines));
        String[] added = Text.lines(newStr.endsWith("\n") ? newStr : newStr + "\n");
        list.addAll(after, Arrays.asList(added));
        String updated = String.join("\n", list) + (content.isEmpty() || content.endsWith("\n") ? "\n" : "");
        var written = write(ctx, path, updated);
        return result(ctx, path, updated, Optional.of(content), written, "Inserted " + added.length + " line(s) after line " + after + " of "
                + ctx.display(path) + ".", after + 1, after + added.length);
    }

    private static Observation undo(ToolContext ctx, String path) {
        return switch (UndoStore.undo(ctx, path)) {
            case RESTORED -> Observation.ok("Restored " + ctx.display(path) + " to its content before the last edit.");
            case REMOVED -> Observation.ok("Undid the creation of " + ctx.display(path) + ": the file is removed.");
            case NOTHING -> throw new ToolInputException("edit: no edit of " + ctx.display(path) + " to undo");
        };
    }

    private SandboxFiles.Written write(ToolContext ctx, String path, String content) {
        return SandboxFiles.write(ctx, path, content, SyntaxCheck.sandboxCommand(ctx, path, checks));
    }

    /**
     * Confirmation, a numbered snippet around the change, and the problems the checks found if any.
     *
     * @param before the file's text before the edit, when it was read (the checks report only what the edit introduced)
     */
    private Observation result(ToolContext ctx, String path, String content, Optional<String> before, SandboxFiles.Written written,
                               String what, int first, int last) {
        var sb = new StringBuilder(what).append('\n');
        String[] lines = Text.lines(content);
        if (last >= first && lines.length > 0) {
            int from = Math.max(1, first - SNIPPET_CONTEXT), to = Math.min(lines.length, Math.max(last, first) + SNIPPET_CONTEXT);
            if (from <= to) sb.append(Text.numbered(lines, from, to));
        }
        SyntaxCheck.report(ctx, path, content, before, written, checks).ifPresent(p -> sb.append('\n').append(p).append('\n'));
        return Observation.ok(sb.toString());
    }

    static List<Integer> occurrences(String content, String needle) {
        var out = new ArrayList<Integer>();
        for (int i = content.indexOf(needle); i >= 0; i = content.indexOf(needle, i + 1)) out.add(i);
        return out;
    }

    static int lineOf(String content, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) if (content.charAt(i) == '\n') line++;
        return line;
    }
}
