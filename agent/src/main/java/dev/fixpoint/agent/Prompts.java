package dev.fixpoint.agent;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.layout.SourceLanguage;

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
 * The prompt templates of a session: the system prompt, the instance prompt (the task) and the nudge sent when the
 * model calls no tool. Placeholders are {@code {{name}}}; an unknown placeholder is an error. Known:
 * {@code language, workdir, repo, instance_id, problem_statement, repro_file, repro_run}, {@code test_command} (the
 * command with a {@code <test files>} slot and an example path, see {@link TestCommandHint}) and
 * {@code explore_tools} (the exploring tools the session is offered, e.g. {@code search, view, outline, find_symbol}).
 * Each {@link Role} has its own defaults in the resources {@code prompts/*.txt} (the fixer's) and
 * {@code prompts/test_*.txt} (the test writer's); {@link #fromDirectory(Path)} loads replacements of the fixer's.
 */
public record Prompts(String systemTemplate, String instanceTemplate, String noToolCall) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String SYSTEM = "system.txt", INSTANCE = "instance.txt", NO_TOOL_CALL = "no_tool_call.txt";
    private static final String TEST_PREFIX = "test_";
    /** The tools named in {@code explore_tools}, in this order, when offered. */
    private static final List<String> EXPLORING = List.of("search", "view", "outline", "find_symbol");

    public Prompts {
        if (systemTemplate == null || systemTemplate.isBlank()) throw new IllegalArgumentException("system prompt template is empty");
        if (instanceTemplate == null || instanceTemplate.isBlank()) throw new IllegalArgumentException("instance prompt template is empty");
        if (noToolCall == null || noToolCall.isBlank()) throw new IllegalArgumentException("no-tool-call prompt is empty");
    }

    /** The fixer's templates. */
    public static Prompts defaults() {
        return defaults(Role.FIX);
    }

    /** The templates of {@code role}. */
    public static Prompts defaults(Role role) {
        String prefix = role == Role.WRITE_TEST ? TEST_PREFIX : "";
        return new Prompts(resource(prefix + SYSTEM), resource(prefix + INSTANCE), resource(prefix + NO_TOOL_CALL));
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

    /**
     * The first two messages of a session on {@code task}, its repository at {@code workdir}.
     *
     * @param facts what is known of the repository (language, nearest tests)
     * @param tools the tools the session is offered: the prompts name only these
     */
    public List<Message> initialMessages(Task task, String workdir, RepoFacts facts, List<ToolSpec> tools) {
        Map<String, String> vars = variables(task, workdir, facts, tools);
        return List.of(new Message.SystemPrompt(render(systemTemplate, vars)), new Message.User(render(instanceTemplate, vars)));
    }

    static Map<String, String> variables(Task task, String workdir, RepoFacts facts, List<ToolSpec> tools) {
        boolean junit = task.environment() != null && task.environment().resultFormat() == ResultFormat.JUNIT_XML;
        boolean java = switch (facts.language()) {
            case JAVA -> true;
            case PYTHON -> false;
            case MIXED, UNKNOWN -> junit;
        };
        String language = facts.language() == SourceLanguage.MIXED ? "Python and Java" : java ? "Java" : "Python";
        List<String> offered = tools.stream().map(ToolSpec::name).toList();
        String explore = String.join(", ", EXPLORING.stream().filter(offered::contains).toList());
        return Map.of(
                "language", language,
                "explore_tools", explore.isEmpty() ? "bash" : explore,
                "workdir", workdir,
                "repo", task.repo(),
                "instance_id", task.instanceId(),
                "problem_statement", task.problemStatement().strip(),
                "test_command", TestCommandHint.render(task, facts),
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
