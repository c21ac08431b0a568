package dev.fixpoint.models;

import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one answer a person types as the model ({@link HumanModel#SYNTAX}): a tool call in a shell-like syntax or in
 * JSON, plain text, or a command of the prompt. A mistake is a {@link Parsed.Problem} saying what is wrong and how
 * to write it, never an exception; only the end of the input throws ({@link EndOfInput}).
 */
final class HumanAnswers {

    /** What a line (and the lines it pulled in) meant. */
    sealed interface Parsed {
        /** The model's message: text and at most one tool call. */
        record Answer(Message.Assistant message) implements Parsed {}

        /** A command of the prompt itself: help, tools, history. */
        record Command(String name) implements Parsed {}

        /** Not understood: the message says what and how to write it. */
        record Problem(String message) implements Parsed {}
    }

    /** The rest of the input, line by line. */
    interface Lines {
        /** The next line without its end, or null at the end of the input. */
        String next();
    }

    /** The input ended in the middle of an answer (or before one). */
    static final class EndOfInput extends RuntimeException {
        EndOfInput(String message) {
            super(message);
        }
    }

    static final List<String> COMMANDS = List.of("help", "tools", "history");

    private static final ObjectMapper JSON = ModelsJson.mapper();
    private static final Pattern NAMED = Pattern.compile("([a-z][a-z0-9_]*)(=|<<)(.*)", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<([A-Za-z_][A-Za-z0-9_]*)");
    /** A heredoc marker as typed, its end word maybe quoted (the quotes change nothing: no expansion happens anyway). */
    private static final Pattern QUOTED_HEREDOC = Pattern.compile("<<(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    private HumanAnswers() {}

    /**
     * Parses an answer that starts with {@code first} (not blank), reading heredoc bodies and JSON continuation lines
     * from {@code more}.
     *
     * @param callId the id the tool call gets
     * @throws EndOfInput when the input ends inside a heredoc or a JSON object
     */
    static Parsed parse(String first, Lines more, List<ToolSpec> tools, String callId) {
        String line = first.strip();
        if (line.startsWith("{")) return json(line, more, tools, callId);
        int space = indexOfSpace(line);
        String word = space < 0 ? line : line.substring(0, space);
        String rest = space < 0 ? "" : line.substring(space + 1).strip();
        Optional<ToolSpec> tool = tools.stream().filter(t -> t.name().equals(word)).findFirst();
        if (tool.isPresent()) return toolCall(tool.get(), rest, more, callId);
        if (word.equals("say")) return say(rest, more);
        if (COMMANDS.contains(word.toLowerCase(Locale.ROOT)) && rest.isEmpty()) return new Parsed.Command(word.toLowerCase(Locale.ROOT));
        skipHeredocs(rest, more);
        return new Parsed.Problem("'" + word + "' is not a tool of this request (tools: " + names(tools)
                + "); answer with a tool call such as `" + example(tools) + "`, with JSON {\"tool\": ..., \"args\": {...}}, "
                + "with text as `say TEXT`, or type `help`");
    }

    private static Parsed say(String rest, Lines more) {
        Matcher h = QUOTED_HEREDOC.matcher(rest);
        if (h.matches()) return new Parsed.Answer(Message.Assistant.text(heredoc(h.group(2), more).stripTrailing()));
        if (rest.isEmpty()) return new Parsed.Problem("`say` needs the text: `say TEXT` or `say <<END` followed by lines and END");
        return new Parsed.Answer(Message.Assistant.text(rest));
    }

    private static Parsed json(String first, Lines more, List<ToolSpec> tools, String callId) {
        StringBuilder text = new StringBuilder(first);
        JsonNode node;
        while (true) {
            try {
                node = JSON.readTree(text.toString());
                break;
            } catch (JsonProcessingException e) {
                if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                    String next = more.next(); // an object not closed yet: it goes on in the next line
                    if (next == null) throw new EndOfInput("the input ended inside a JSON answer");
                    text.append('\n').append(next);
                    continue;
                }
                return new Parsed.Problem("not valid JSON: " + e.getOriginalMessage()
                        + " (want {\"tool\": NAME, \"args\": {...}}, optionally with \"text\"; or {\"text\": ...})");
            }
        }
        if (!(node instanceof ObjectNode obj)) return new Parsed.Problem("a JSON answer must be an object");
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("tool", "args", "text").contains(f)) {
                return new Parsed.Problem("unknown field \"" + f + "\" in the JSON answer (fields: tool, args, text)");
            }
        }
        JsonNode text0 = obj.path("text");
        if (!text0.isMissingNode() && !text0.isTextual()) return new Parsed.Problem("\"text\" must be a string");
        String said = text0.asText("");
        JsonNode tool = obj.path("tool");
        if (tool.isMissingNode()) {
            if (obj.has("args")) return new Parsed.Problem("\"args\" without \"tool\": name the tool to call");
            if (said.isEmpty()) return new Parsed.Problem("the JSON answer has neither \"tool\" nor \"text\"");
            return new Parsed.Answer(Message.Assistant.text(said));
        }
        if (!tool.isTextual() || tools.stream().noneMatch(t -> t.name().equals(tool.asText()))) {
            return new Parsed.Problem("\"tool\" must name a tool of this request (" + names(tools) + "), not " + tool);
        }
        JsonNode args = obj.path("args");
        if (!args.isMissingNode() && !args.isObject()) return new Parsed.Problem("\"args\" must be a JSON object of the tool's parameters");
        String arguments = args.isMissingNode() ? "{}" : args.toString();
        return new Parsed.Answer(new Message.Assistant(said, List.of(new ToolCall(callId, tool.asText(), arguments))));
    }

    /** One word of the shell-like syntax: its text without quotes and where it stood in the line. */
    private record Word(String value, int start, int end) {}

    /**
     * What one parameter gets: a value, or the body of a heredoc (read once the whole line is understood), or the raw
     * words of the line with the bodies of the shell heredocs in them.
     */
    private record Slot(String param, int position, String value, String marker, List<String> shellMarkers) {}

    private static Parsed toolCall(ToolSpec spec, String rest, Lines more, String callId) {
        List<Word> words;
        try {
            words = words(rest);
        } catch (IllegalArgumentException e) {
            return new Parsed.Problem(e.getMessage() + " in `" + rest + "`. Usage: " + usage(spec));
        }
        int cut = words.size();
        while (cut > 0 && named(spec, words.get(cut - 1)) != null) cut--;
        List<Word> positional = words.subList(0, cut);
        List<Slot> slots = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Word w : words.subList(cut, words.size())) {
            Matcher m = named(spec, w);
            String param = m.group(1);
            if (slots.stream().anyMatch(s -> s.param().equals(param))) problems.add(param + " is given twice");
            if (m.group(2).equals("=")) slots.add(new Slot(param, w.start(), m.group(3), null, List.of()));
            else if (m.group(3).matches("[A-Za-z_][A-Za-z0-9_]*")) slots.add(new Slot(param, w.start(), null, m.group(3), List.of()));
            else problems.add(param + "<< needs an end marker word, e.g. " + param + "<<END");
        }
        List<String> missing = spec.params().stream().filter(p -> p.required() && slots.stream().noneMatch(s -> s.param().equals(p.name())))
                .map(ToolParam::name).collect(Collectors.toCollection(ArrayList::new));
        if (!positional.isEmpty()) {
            Word lead = positional.stream().filter(w -> named(spec, w) != null).findFirst().orElse(null);
            Matcher sole = HEREDOC.matcher(positional.get(0).value());
            if (lead != null) {
                problems.add("put the name=value words after the others (" + lead.value() + " comes before "
                        + positional.get(positional.size() - 1).value() + ")");
            } else if (missing.isEmpty()) {
                problems.add("every required parameter is given by name, so there is no place for `"
                        + rest.substring(positional.get(0).start(), positional.get(positional.size() - 1).end()) + "`");
            } else if (missing.size() == 1 && !(positional.size() == 1 && sole.matches())) {
                List<String> shell = positional.stream().map(w -> HEREDOC.matcher(w.value())).filter(Matcher::matches)
                        .map(h -> h.group(1)).toList();
                slots.add(new Slot(missing.remove(0), positional.get(0).start(),
                        rest.substring(positional.get(0).start(), positional.get(positional.size() - 1).end()), null, shell));
            } else if (positional.size() > missing.size()) {
                problems.add(positional.size() + " words for " + missing.size() + " parameters (" + String.join(", ", missing)
                        + "): quote a value that has spaces, or give it by name");
            } else {
                for (Word w : positional) {
                    Matcher h = HEREDOC.matcher(w.value());
                    slots.add(h.matches() ? new Slot(missing.remove(0), w.start(), null, h.group(1), List.of())
                            : new Slot(missing.remove(0), w.start(), w.value(), null, List.of()));
                }
            }
        }
        if (!problems.isEmpty()) {
            skipHeredocs(rest, more);
            return new Parsed.Problem(spec.name() + ": " + String.join("; ", problems) + ". Usage: " + usage(spec));
        }
        // heredoc bodies follow the line in the order their markers stand in it, as in a shell
        slots.sort(java.util.Comparator.comparingInt(Slot::position));
        Map<String, String> values = new LinkedHashMap<>();
        for (Slot s : slots) {
            if (s.marker() != null) {
                values.put(s.param(), heredoc(s.marker(), more));
            } else {
                StringBuilder v = new StringBuilder(s.value());
                for (String m : s.shellMarkers()) v.append('\n').append(heredoc(m, more)).append(m);
                values.put(s.param(), v.toString());
            }
        }
        if (!missing.isEmpty()) problems.add("missing " + String.join(", ", missing));
        ObjectNode args = JSON.createObjectNode();
        for (ToolParam p : spec.params()) {
            String v = values.get(p.name());
            if (v != null) typed(p, v, args, problems);
        }
        if (!problems.isEmpty()) {
            return new Parsed.Problem(spec.name() + ": " + String.join("; ", problems) + ". Usage: " + usage(spec));
        }
        return new Parsed.Answer(new Message.Assistant("", List.of(new ToolCall(callId, spec.name(), args.toString()))));
    }

    private static void typed(ToolParam p, String v, ObjectNode args, List<String> problems) {
        switch (p.type()) {
            case STRING -> {
                if (!p.allowed().isEmpty() && !p.allowed().contains(v)) {
                    problems.add(p.name() + " must be one of " + String.join(", ", p.allowed()) + ", not '" + v + "'");
                }
                args.put(p.name(), v);
            }
            case INTEGER -> {
                try {
                    args.put(p.name(), Long.parseLong(v.strip()));
                } catch (NumberFormatException e) {
                    problems.add(p.name() + " must be a whole number, not '" + v + "'");
                }
            }
            case BOOLEAN -> {
                String b = v.strip().toLowerCase(Locale.ROOT);
                if (b.equals("true") || b.equals("false")) args.put(p.name(), Boolean.parseBoolean(b));
                else problems.add(p.name() + " must be true or false, not '" + v + "'");
            }
        }
    }

    private static Matcher named(ToolSpec spec, Word w) {
        Matcher m = NAMED.matcher(w.value());
        if (!m.matches()) return null;
        String key = m.group(1);
        return spec.params().stream().anyMatch(p -> p.name().equals(key)) ? m : null;
    }

    /** The lines up to (without) the one that is exactly {@code marker}, each with its line end, as a shell reads a heredoc. */
    private static String heredoc(String marker, Lines more) {
        var body = new StringBuilder();
        while (true) {
            String l = more.next();
            if (l == null) throw new EndOfInput("the input ended inside a heredoc before its end line " + marker);
            if (l.equals(marker)) return body.toString();
            body.append(l).append('\n');
        }
    }

    /** Reads the bodies of any heredocs a line that could not be understood announced, so they are not read as answers. */
    private static void skipHeredocs(String rest, Lines more) {
        Matcher m = QUOTED_HEREDOC.matcher(rest);
        while (m.find()) heredoc(m.group(2), more);
    }

    /** Splits like a shell: blanks separate words, '...' is literal, "..." allows \" and \\. */
    private static List<Word> words(String s) {
        var out = new ArrayList<Word>();
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            StringBuilder w = new StringBuilder();
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                char c = s.charAt(i);
                if (c == '\'' || c == '"') {
                    int close = i + 1;
                    while (close < n && s.charAt(close) != c) {
                        if (c == '"' && s.charAt(close) == '\\' && close + 1 < n) {
                            w.append(s.charAt(close + 1));
                            close += 2;
                            continue;
                        }
                        w.append(s.charAt(close));
                        close++;
                    }
                    if (close >= n) throw new IllegalArgumentException("unclosed " + c + " quote");
                    i = close + 1;
                } else {
                    w.append(c);
                    i++;
                }
            }
            out.add(new Word(w.toString(), start, i));
        }
        return out;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) if (Character.isWhitespace(s.charAt(i))) return i;
        return -1;
    }

    static String names(List<ToolSpec> tools) {
        return tools.isEmpty() ? "none" : tools.stream().map(ToolSpec::name).collect(Collectors.joining(", "));
    }

    private static String example(List<ToolSpec> tools) {
        return tools.isEmpty() ? "say TEXT" : usage(tools.get(0));
    }

    /** e.g. {@code view PATH [start_line=N] [end_line=N]}. */
    static String usage(ToolSpec spec) {
        var s = new StringBuilder(spec.name());
        for (ToolParam p : spec.params()) {
            if (p.required()) s.append(' ').append(p.name().toUpperCase(Locale.ROOT));
        }
        for (ToolParam p : spec.params()) {
            if (!p.required()) s.append(" [").append(p.name()).append('=').append(p.type() == ToolParam.Type.STRING ? "TEXT" : p.type() == ToolParam.Type.INTEGER ? "N" : "true|false").append(']');
        }
        return s.toString();
    }
}
