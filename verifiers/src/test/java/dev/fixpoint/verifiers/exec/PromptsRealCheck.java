package dev.fixpoint.verifiers.exec;

import dev.fixpoint.models.Message;
import dev.fixpoint.agent.Prompts;
import dev.fixpoint.agent.RepoFacts;
import dev.fixpoint.agent.Role;
import dev.fixpoint.models.ToolSpec;
import dev.fixpoint.agent.tool.Toolbox;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.TaskLoader;
import dev.fixpoint.tasks.env.EnvironmentResolver;
import dev.fixpoint.tasks.env.Resolution;
import dev.fixpoint.tasks.env.SpecFile;
import dev.fixpoint.tasks.layout.NearestTests;
import dev.fixpoint.tasks.layout.RepoFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real check, not a test: renders what the sessions and the test generator of one real task row are shown, on the
 * real repository at its base commit. Usage: {@code PromptsRealCheck TASKS.jsonl INSTANCE_ID GIT_DIR} (a bare mirror;
 * the base commit is extracted with {@code git archive} into a temporary directory, removed afterwards). The spec
 * file next to the task file gives the environment, as {@code batch} does.
 */
public final class PromptsRealCheck {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) throw new IllegalArgumentException("usage: PromptsRealCheck TASKS.jsonl INSTANCE_ID GIT_DIR");
        Path tasks = Path.of(args[0]);
        Task row = TaskLoader.strict().withoutSpecs().load(tasks).tasks().stream()
                .filter(t -> t.instanceId().equals(args[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + args[1] + " in " + tasks));
        SpecFile specs = SpecFile.load(SpecFile.siblingOf(tasks).orElseThrow(() -> new IllegalArgumentException("no environments.yaml beside " + tasks)));
        Resolution r = EnvironmentResolver.of(specs, t -> { throw new IllegalStateException("no built-in default wanted"); }).resolve(row);
        if (!r.resolved()) throw new IllegalStateException(r.problem());
        Task task = r.task();
        Path tree = Files.createTempDirectory("prompts-real-");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", "git --git-dir=\"$0\" archive " + task.baseCommit() + " | tar -x -C \"$1\"",
                    args[2], tree.toString()).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("git archive of " + task.baseCommit() + " from " + args[2] + " failed");
            long t1 = System.nanoTime();
            List<String> files = RepoFiles.list(tree);
            RepoFacts facts = RepoFacts.of(tree, task);
            List<NearestTests.Ranked> ranked = NearestTests.rank(tree, task.problemStatement());
            long t2 = System.nanoTime();
            System.out.printf("== %s at %s: %d files, language %s (checkout %d ms, listing + ranking %d ms)%n", task.instanceId(),
                    task.baseCommit(), files.size(), facts.language(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            System.out.println("== test command filled for grading (hidden from the model): " + task.environment().testCommand());
            System.out.println("== nearest test files (of " + ranked.size() + "):");
            ranked.stream().limit(15).forEach(x -> System.out.printf("  %4d  %s  (%s)%n", x.score(), x.path(), x.reason()));
            for (Role role : Role.values()) {
                Toolbox tools = Toolbox.forTask(role, facts.language());
                List<Message> m = (role == Role.FIX ? Prompts.defaults() : Prompts.defaults(role))
                        .initialMessages(task, task.environment().workdir(), facts, tools.specs());
                System.out.println("\n== " + role + " tools: " + tools.specs().stream().map(ToolSpec::name).toList());
                tools.specs().stream().filter(s -> !List.of("bash", "view", "search", "edit").contains(s.name()))
                        .forEach(s -> System.out.println("   " + s.name() + ": " + s.description()));
                System.out.println("== " + role + " system prompt:\n" + ((Message.SystemPrompt) m.get(0)).text());
                System.out.println("== " + role + " instance prompt:\n" + ((Message.User) m.get(1)).text());
            }
            boolean java = facts.language() == dev.fixpoint.tasks.layout.SourceLanguage.JAVA;
            String gen = TestGenerator.prompt(task, tree, ranked, java, 1);
            System.out.println("\n== test generator's context (first 45 lines of " + gen.lines().count() + "):");
            gen.lines().limit(45).forEach(System.out::println);
        } finally {
            try (var walk = Files.walk(tree)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
