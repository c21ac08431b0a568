package dev.fixpoint.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person as the model (mini-swe-agent's human mode): each request is shown on a terminal as the model would get
 * it (the messages new since the conversation's previous request, the tools with their parameters on the first one,
 * an estimate of the request's tokens) and the person types the answer ({@link #SYNTAX}). A mistake in the answer
 * is explained and asked again; the end of the input (Ctrl-D, or a piped file that runs out) ends the conversation
 * with a {@link ModelException} of kind {@link ModelException.Kind#EXHAUSTED}, as a scripted model that ran out of
 * answers does. Answers cost nothing: usage is zero tokens, its latency the person's time.
 *
 * <p>One instance is one conversation (a rollout). The conversations of a run share one {@link Terminal}, which
 * asks one question at a time and names the conversation in each header.
 */
public final class HumanModel implements Model {

    /** The answer syntax, as {@code help} shows it at the prompt. */
    public static final String SYNTAX = """
            Answer with one tool call, or text:
              TOOL VALUE                    the tool's one missing required parameter gets the rest of the line as typed:
                                              bash ls -la | head        view src/a.py start_line=10 end_line=40
              TOOL V1 V2 name=value ...     required parameters in order, then optional ones by name; quote values
                                            with spaces ('...' or "..."):  edit create notes.txt file_text='a b'
              TOOL name<<END ...            the value is the lines that follow, each with its line end, up to a line
                                            that is exactly END (several heredocs: in the order they stand in the line):
                                              edit str_replace src/a.py old_str<<OLD new_str<<NEW
                                              return x
                                              OLD
                                              return -x
                                              NEW
              TOOL <<END                    the same for the one missing required parameter: bash <<END (then lines)
                                            a shell heredoc inside a command keeps its body: bash cat > f.py <<EOF
              {"tool": "view", "args": {"path": "a.py"}, "text": "..."}   JSON, passed to the tool as written
                                            (may span lines; "text" is optional)
              say TEXT  |  say <<END        text only, no tool call
            Commands: help (this), tools (the tools again), history (the whole request again).
            End of input (Ctrl-D) ends the conversation: the rollout stops like a model that has no more answers.
            """;

    private static final int CHARS_PER_TOKEN = 4;

    private final Terminal terminal;
    private final String id;
    private final String title;
    private List<Message> previous = List.of();
    private boolean toolsShown;
    private int requests;

    private HumanModel(Terminal terminal, String id, String title) {
        this.terminal = terminal;
        this.id = id;
        this.title = title;
    }

    /** A single conversation on its own terminal (tests, one-off use). */
    public static HumanModel of(String id, InputStream in, PrintStream out) {
        return new Terminal(in, out).conversation(id, "");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        synchronized (terminal) {
            long start = System.nanoTime();
            int n = ++requests;
            PrintStream out = terminal.out;
            out.printf("%n==== %s%s: request %d (%d messages, about %,d tokens) ====%n", id, title.isEmpty() ? "" : " | " + title, n,
                    request.messages().size(), estimateTokens(request));
            if (!toolsShown) {
                printTools(request.tools());
                toolsShown = true;
            }
            int common = commonPrefix(previous, request.messages());
            if (common < previous.size()) {
                out.printf("(%d earlier message(s) differ from the last request: the history was shortened or rewritten; "
                        + "`history` shows the whole request)%n", previous.size() - common);
            }
            printMessages(request.messages().subList(common, request.messages().size()), common);
            previous = request.messages();
            Message.Assistant answer = ask(request, n);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new ModelResponse(answer, Usage.of(0, 0, 0, took), answer.toolCalls().isEmpty() ? "stop" : "tool_calls");
        }
    }

    private Message.Assistant ask(ModelRequest request, int n) {
        PrintStream out = terminal.out;
        while (true) {
            out.print("answer> ");
            out.flush();
            String line = terminal.next();
            if (line == null) throw ended(n, "");
            if (line.isBlank()) continue;
            HumanAnswers.Parsed parsed;
            try {
                parsed = HumanAnswers.parse(line, terminal::next, request.tools(), "human_" + n);
            } catch (HumanAnswers.EndOfInput e) {
                throw ended(n, " (" + e.getMessage() + ")");
            }
            if (parsed instanceof HumanAnswers.Parsed.Answer a) return a.message();
            if (parsed instanceof HumanAnswers.Parsed.Problem p) {
                out.println("error: " + p.message());
                out.println("(try again; `help` shows the syntax)");
            } else if (parsed instanceof HumanAnswers.Parsed.Command c) {
                switch (c.name()) {
                    case "help" -> out.print(SYNTAX);
                    case "tools" -> printTools(request.tools());
                    default -> printMessages(request.messages(), 0);
                }
            }
        }
    }

    private ModelException ended(int n, String detail) {
        terminal.out.println();
        terminal.out.println(id + ": input ended: no answer to request " + n + "; this conversation stops here");
        return new ModelException(ModelException.Kind.EXHAUSTED, id + ": the person's input ended (EOF) before an answer to request "
                + n + detail + "; the rollout stops here, with the edits made so far");
    }

    private void printTools(List<ToolSpec> tools) {
        PrintStream out = terminal.out;
        out.println("---- tools (" + tools.size() + ") ----");
        for (ToolSpec t : tools) {
            out.println(HumanAnswers.usage(t));
            out.println("    " + t.description());
            for (ToolParam p : t.params()) {
                out.printf("    %s (%s%s%s): %s%n", p.name(), p.type().name().toLowerCase(java.util.Locale.ROOT),
                        p.required() ? ", required" : "", p.allowed().isEmpty() ? "" : ", one of " + String.join("|", p.allowed()),
                        p.description());
            }
        }
    }

    private void printMessages(List<Message> messages, int offset) {
        PrintStream out = terminal.out;
        int i = offset;
        for (Message m : messages) {
            i++;
            if (m instanceof Message.SystemPrompt s) section(out, i, "system", s.text());
            else if (m instanceof Message.User u) section(out, i, "user", u.text());
            else if (m instanceof Message.ToolResult r) section(out, i, "tool result: " + r.toolName() + " (" + r.callId() + ")", r.text());
            else if (m instanceof Message.Assistant a) {
                var text = new StringBuilder(a.text());
                for (ToolCall c : a.toolCalls()) {
                    if (!text.isEmpty()) text.append('\n');
                    text.append("call ").append(c.name()).append(' ').append(c.arguments()).append(" (").append(c.id()).append(')');
                }
                section(out, i, "assistant", text.toString());
            }
        }
    }

    private static void section(PrintStream out, int index, String what, String text) {
        out.println("---- " + index + ". " + what + " ----");
        out.println(text);
    }

    /** Request size in tokens, estimated as characters / 4 over the messages and the tools' descriptions. */
    static long estimateTokens(ModelRequest request) {
        long chars = 0;
        for (Message m : request.messages()) {
            if (m instanceof Message.SystemPrompt s) chars += s.text().length();
            else if (m instanceof Message.User u) chars += u.text().length();
            else if (m instanceof Message.ToolResult r) chars += r.text().length();
            else if (m instanceof Message.Assistant a) {
                chars += a.text().length() + a.toolCalls().stream().mapToLong(c -> c.name().length() + c.arguments().length()).sum();
            }
        }
        for (ToolSpec t : request.tools()) {
            chars += t.name().length() + t.description().length();
            for (ToolParam p : t.params()) chars += p.name().length() + p.description().length() + 10;
        }
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    private static int commonPrefix(List<Message> a, List<Message> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) i++;
        return i;
    }

    /**
     * The person's terminal: where requests are shown and answers read, shared by every conversation of a run so
     * that one question is asked at a time. Does not close its streams (they are usually the process's own).
     */
    public static final class Terminal {
        private final BufferedReader in;
        private final PrintStream out;

        public Terminal(InputStream in, PrintStream out) {
            this.in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
            this.out = Objects.requireNonNull(out);
        }

        /**
         * A conversation on this terminal.
         *
         * @param id    the model id it reports ("human:NAME"), for trajectories, predictions and the price table
         * @param title what the headers call it, e.g. the task and rollout; may be empty
         */
        public HumanModel conversation(String id, String title) {
            return new HumanModel(this, id, title == null ? "" : title);
        }

        private String next() {
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new ModelException(ModelException.Kind.OTHER, -1, "cannot read the person's answer: " + e.getMessage(), e);
            }
        }
    }
}
