package dev.fixpoint.agent;

import dev.fixpoint.tasks.ResultFormat;
import dev.fixpoint.tasks.Task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt templates of a rollout: the system prompt, the instance prompt (the task) and the nudge sent when the
 * model calls no tool. Placeholders are {@code {{name}}}; an unknown placeholder is an error.
 * Defaults live in the resources {@code prompts/*.txt}; {@link #fromDirectory(Path)} loads replacements.
 */
public record Prompts(String systemTemplate, String instanceTemplate, String noToolCall) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SYSTEM = "system.txt", INSTANCE = "instance.txt", NO_TOOL_CALL = "no_tool_call.txt";

    public Prompts {
        if (systemTemplate == null || systemTemplate.isBlank()) throw new IllegalArgumentException("system prompt template is empty");
        if (instanceTemplate == null || instanceTemplate.isBlank()) throw new IllegalArgumentException("instance prompt template is empty");
        if (noToolCall == null || noToolCall.isBlank()) throw new IllegalArgumentException("no-tool-call prompt is empty");
    }

    public static Prompts defaults() {
        return new Prompts(resource(SYSTEM), resource(INSTANCE), resource(NO_TOOL_CALL));
    }

    /** Templates from a directory holding system.txt, instance.txt and no_tool_call.txt. */
    public static Prompts fromDirectory(Path dir) {
        try {
            return new Prompts(Files.readString(dir.resolve(SYSTEM)), Files.readString(dir.resolve(INSTANCE)),
                    Files.readString(dir.resolve(NO_TOOL_CALL)));
        } catch (IOException e) {
            throw new AgentException("cannot read prompt templates from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The first two messages of a rollout on {@code task}, its repository at {@code workdir}. */
    public List<Message> initialMessages(Task task, String workdir) {
        Map<String, String> vars = variables(task, workdir);
        return List.of(new Message.SystemPrompt(render(systemTemplate, vars)), new Message.User(render(instanceTemplate, vars)));
    }

    static Map<String, String> variables(Task task, String workdir) {
        boolean java = task.environment() != null && task.environment().resultFormat() == ResultFormat.JUNIT_XML;
        String testCommand = task.environment() != null ? task.environment().testCommand() : "the project's tests";
        return Map.of(
                "language", java ? "Java" : "Python",
                "workdir", workdir,
                "repo", task.repo(),
                "instance_id", task.instanceId(),
                "problem_statement", task.problemStatement().strip(),
                "test_command", testCommand,
                "repro_file", java ? "ReproduceIssue.java" : "reproduce_issue.py",
                "repro_run", java
                        ? "compile the project with its build tool (offline), then `java -cp <classes dir> ReproduceIssue.java`"
                        : "`python3 reproduce_issue.py`");
    }

    static String render(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        var sb = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) throw new AgentException("prompt template uses unknown placeholder {{" + m.group(1) + "}}; known: " + vars.keySet());
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String resource(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("prompts/" + name)) {
            if (in == null) throw new AgentException("prompt resource missing: prompts/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgentException("cannot read prompt resource prompts/" + name, e);
        }
    }
}
