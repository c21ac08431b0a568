package dev.fixpoint.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A person as the model, played by scripted input and read back from the printed terminal. */
class HumanModelTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ToolSpec BASH = new ToolSpec("bash", "Run a shell command", List.of(
            ToolParam.required("command", ToolParam.Type.STRING, "the command line"),
            ToolParam.optional("timeout", ToolParam.Type.INTEGER, "seconds")));
    static final ToolSpec VIEW = new ToolSpec("view", "Show a file", List.of(
            ToolParam.required("path", ToolParam.Type.STRING, "file"),
            ToolParam.optional("start_line", ToolParam.Type.INTEGER, "first line"),
            ToolParam.optional("end_line", ToolParam.Type.INTEGER, "last line")));
    static final ToolSpec EDIT = new ToolSpec("edit", "Edit a file", List.of(
            ToolParam.oneOf("command", List.of("str_replace", "create", "insert", "undo"), "what to do"),
            ToolParam.required("path", ToolParam.Type.STRING, "file"),
            ToolParam.optional("old_str", ToolParam.Type.STRING, "old"),
            ToolParam.optional("new_str", ToolParam.Type.STRING, "new"),
            ToolParam.optional("file_text", ToolParam.Type.STRING, "content"),
            ToolParam.optional("insert_line", ToolParam.Type.INTEGER, "line")));
    static final ToolSpec SEARCH = new ToolSpec("search", "Search", List.of(
            ToolParam.required("pattern", ToolParam.Type.STRING, "text"),
            ToolParam.optional("regex", ToolParam.Type.BOOLEAN, "regex?")));
    static final List<ToolSpec> TOOLS = List.of(BASH, VIEW, EDIT, SEARCH);

    /** A model on scripted input; {@link #out()} is what the person saw. */
    static final class Session {
        final ByteArrayOutputStream shown = new ByteArrayOutputStream();
        final HumanModel model;

        Session(String input) {
            model = HumanModel.of("human:tester", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(shown, true, StandardCharsets.UTF_8));
        }

        String out() {
            return shown.toString(StandardCharsets.UTF_8);
        }
    }

    static ModelRequest request(List<Message> messages) {
        return new ModelRequest(messages, TOOLS);
    }

    static ToolCall onlyCall(ModelResponse r) {
        assertEquals(1, r.message().toolCalls().size(), r.toString());
        return r.message().toolCalls().get(0);
    }

    static JsonNode args(ModelResponse r) throws Exception {
        return JSON.readTree(onlyCall(r).arguments());
    }

    @Test
    void showsTheRequestOnceAndTheNewMessagesAfterAndReadsToolCalls() throws Exception {
        var s = new Session("bash ls -la | grep \"a b\"\nview src/a.py start_line=3 end_line=9\n");
        var messages = new ArrayList<Message>(List.of(new Message.SystemPrompt("You fix bugs."), new Message.User("Issue: x is wrong")));

        ModelResponse first = s.model.chat(request(messages));
        assertEquals("bash", onlyCall(first).name());
        assertEquals("ls -la | grep \"a b\"", args(first).get("command").asText(), "the rest of the line as typed");
        assertEquals("tool_calls", first.finishReason());
        assertEquals(0, first.usage().totalTokens());
        String out1 = s.out();
        assertTrue(out1.contains("You fix bugs.") && out1.contains("Issue: x is wrong"), out1);
        assertTrue(out1.contains("---- tools (4) ----") && out1.contains("view PATH [start_line=N] [end_line=N]")
                && out1.contains("command (string, required, one of str_replace|create|insert|undo): what to do"), out1);
        assertTrue(out1.matches("(?s).*request 1 \\(2 messages, about \\d+ tokens\\).*"), out1);

        messages.add(first.message());
        messages.add(new Message.ToolResult(onlyCall(first).id(), "bash", "total 0\nUNIQUE-OBSERVATION"));
        ModelResponse second = s.model.chat(request(messages));
        JsonNode a = args(second);
        assertEquals("src/a.py", a.get("path").asText());
        assertEquals(3, a.get("start_line").asInt());
        assertTrue(a.get("start_line").isIntegralNumber(), "integers are typed as integers");
        assertEquals(9, a.get("end_line").asInt());
        String out2 = s.out().substring(out1.length());
        assertTrue(out2.contains("UNIQUE-OBSERVATION") && out2.contains("tool result: bash"), out2);
        assertFalse(out2.contains("You fix bugs.") || out2.contains("Issue: x is wrong"), "old messages are not shown again: " + out2);
        assertEquals(1, s.out().split("---- tools").length - 1, "the tools are shown once");
        assertNotEquals(onlyCall(first).id(), onlyCall(second).id());
    }

    @Test
    void heredocsFillParametersInTheOrderOfTheirMarkers() throws Exception {
        var s = new Session("""
                edit str_replace src/a.py new_str<<NEW old_str<<'OLD'
                    return -x
                  second line
                NEW
                    return x
                OLD
                bash <<END
                cat > f.py <<EOF
                print(1)
                EOF
                END
                bash cat > g.py <<EOF
                print(2)
                EOF
                """);
        JsonNode edit = args(s.model.chat(request(List.of(new Message.User("go")))));
        assertEquals("str_replace", edit.get("command").asText());
        assertEquals("src/a.py", edit.get("path").asText());
        assertEquals("    return -x\n  second line\n", edit.get("new_str").asText());
        assertEquals("    return x\n", edit.get("old_str").asText());
        JsonNode bash = args(s.model.chat(request(List.of(new Message.User("go")))));
        assertEquals("cat > f.py <<EOF\nprint(1)\nEOF\n", bash.get("command").asText());
        JsonNode shell = args(s.model.chat(request(List.of(new Message.User("go")))));
        assertEquals("cat > g.py <<EOF\nprint(2)\nEOF", shell.get("command").asText(), "a shell heredoc keeps its body and end line");
    }

    @Test
    void jsonTextAndCommands() throws Exception {
        var s = new Session("""
                help
                tools
                {"tool": "edit",
                 "args": {"command": "create", "path": "x.py", "file_text": "a\\nb"}, "text": "Creating it."}
                say I think the bug is in parse().
                say <<'T'
                two
                lines
                T
                """);
        var req = request(List.of(new Message.User("go")));
        ModelResponse json = s.model.chat(req);
        assertEquals("Creating it.", json.message().text());
        assertEquals("edit", onlyCall(json).name());
        assertEquals("a\nb", args(json).get("file_text").asText());
        assertTrue(s.out().contains("Answer with one tool call, or text"), "help shows the syntax");
        assertEquals(2, s.out().split("---- tools").length - 1, "`tools` shows them again");
        ModelResponse text = s.model.chat(req);
        assertEquals("I think the bug is in parse().", text.message().text());
        assertTrue(text.message().toolCalls().isEmpty());
        assertEquals("stop", text.finishReason());
        assertEquals("two\nlines", s.model.chat(req).message().text());
    }

    @Test
    void badInputIsExplainedAndAskedAgain() throws Exception {
        var s = new Session("""
                bsh ls
                view
                view a.py start_line=ten
                edit replace a.py
                edit str_replace a.py old_str<<A bogus=1
                x
                A
                search "unclosed
                {"tool": "nope"}
                {"tool": "view", "args": [1]}
                {not json
                search foo regex=maybe
                view path=a.py b.py
                search foo regex=true
                """);
        ModelResponse r = s.model.chat(request(List.of(new Message.User("go"))));
        assertEquals("search", onlyCall(r).name());
        assertTrue(args(r).get("regex").asBoolean());
        String out = s.out();
        for (String expected : List.of(
                "error: 'bsh' is not a tool of this request (tools: bash, view, edit, search)",
                "error: view: missing path. Usage: view PATH",
                "start_line must be a whole number, not 'ten'",
                "command must be one of str_replace, create, insert, undo, not 'replace'",
                "unclosed \" quote",
                "\"tool\" must name a tool of this request",
                "\"args\" must be a JSON object",
                "not valid JSON",
                "regex must be true or false, not 'maybe'",
                "put the name=value words after the others")) {
            assertTrue(out.contains(expected), "expected '" + expected + "' in:\n" + out);
        }
        assertEquals(11, out.split("\\(try again; `help` shows the syntax\\)").length - 1, out);
        // the misplaced heredoc's body was read with its line, not as answers
        assertFalse(out.contains("'x' is not a tool") || out.contains("'A' is not a tool"), out);
    }

    @Test
    void endOfInputEndsTheConversationAsAnExhaustedModel() {
        var s = new Session("bash ls\n");
        var req = request(List.of(new Message.User("go")));
        s.model.chat(req);
        var e = assertThrows(ModelException.class, () -> s.model.chat(req));
        assertEquals(ModelException.Kind.EXHAUSTED, e.kind());
        assertTrue(e.getMessage().contains("human:tester: the person's input ended (EOF) before an answer to request 2"), e.getMessage());
        assertFalse(e.serviceFailure());
        assertTrue(s.out().contains("input ended"), s.out());

        var inHeredoc = new Session("bash <<END\nls\n");
        var e2 = assertThrows(ModelException.class, () -> inHeredoc.model.chat(req));
        assertTrue(e2.getMessage().contains("inside a heredoc before its end line END"), e2.getMessage());
    }

    @Test
    void aShortenedHistoryIsSaidAndConversationsOnOneTerminalAreNamed() {
        var shown = new ByteArrayOutputStream();
        var terminal = new HumanModel.Terminal(new ByteArrayInputStream("say a\nsay b\nsay c\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(shown, true, StandardCharsets.UTF_8));
        HumanModel one = terminal.conversation("human:me", "task-1 rollout 1");
        HumanModel two = terminal.conversation("human:me", "task-1 rollout 2");
        var long_ = List.<Message>of(new Message.User("first"), new Message.Assistant("x", List.of()), new Message.User("second"));
        assertEquals("a", one.chat(request(long_)).message().text());
        assertEquals("b", two.chat(request(long_)).message().text());
        assertEquals("c", one.chat(request(List.of(new Message.User("first"), new Message.User("[elided]")))).message().text());
        String out = shown.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("human:me | task-1 rollout 2: request 1"), out);
        assertTrue(out.contains("human:me | task-1 rollout 1: request 2"), out);
        assertTrue(out.contains("(2 earlier message(s) differ from the last request"), out);
    }
}
