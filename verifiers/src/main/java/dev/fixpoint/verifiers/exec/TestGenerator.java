package dev.fixpoint.verifiers.exec;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.Usage;
import dev.fixpoint.tasks.env.ResultFormat;
import dev.fixpoint.tasks.Task;
import dev.fixpoint.tasks.layout.NearestTests;
import dev.fixpoint.verifiers.CandidatePatch;
import dev.fixpoint.verifiers.ModelSpend;
import dev.fixpoint.verifiers.VerifierException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the pool of reproduction tests for a task: asks the model for {@code count} test files in the
 * repository's framework and style (pytest or JUnit), shown the test files nearest the code the issue names and
 * one of them as the style example ({@link NearestTests}), adds the candidates' own reproduction scripts, runs them
 * all once on the base code in a sandbox and keeps those that run and FAIL there. A test that does not import or
 * compile, or passes on the base code, is discarded. For Java, one test that does not compile breaks the batch's
 * compilation, so when no generated test produced any result the generated tests are re-checked one by one.
 */
public final class TestGenerator {

    private static final Logger log = LoggerFactory.getLogger(TestGenerator.class);
    /** Test files related to the issue listed in the generator's context at most, nearest first. */
    static final int LISTED = 30;
    /** Test files listed when none is related to the issue. */
    static final int UNRELATED_LISTED = 10;
    /** Lines of the style example shown at most. */
    static final int EXAMPLE_LINES = 200;
    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\n(.*?)```", Pattern.DOTALL);

    private final Model model;
    private final ExecutionVerifier executor;
    private final int count;

    /**
     * @param model asked for the tests; may be null only when {@code count} is 0 (candidates' scripts alone)
     * @param count tests to ask for, at least 0
     */
    public TestGenerator(Model model, ExecutionVerifier executor, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("generated test count must be >= 0, not: " + count);
        }
        if (model == null && count > 0) {
            throw new IllegalArgumentException("generating " + count + " tests needs a model");
        }
        this.model = model;
        this.executor = executor;
        this.count = count;
    }

    public GeneratedTests generate(Task task, Path baseTree, List<CandidatePatch> candidates) {
        boolean java = task.environment().resultFormat() == ResultFormat.JUNIT_XML;
        List<NearestTests.Ranked> testFiles = NearestTests.rank(baseTree, task.problemStatement());
        List<String> discarded = new ArrayList<>();
        List<VerificationTest> generated = new ArrayList<>();
        Spend spend = new Spend();
        for (int k = 1; k <= count; k++) {
            Optional<VerificationTest> test = ask(task, baseTree, testFiles, java, k, discarded, spend);
            test.ifPresent(generated::add);
        }
        List<VerificationTest> scripts = candidateScripts(candidates, java);
        List<VerificationTest> all = new ArrayList<>(generated);
        all.addAll(scripts);
        if (all.isEmpty()) {
            return new GeneratedTests(List.of(), discarded, spend.total(), Duration.ZERO, 0);
        }
        RunResult base = executor.onBase(task, baseTree, all);
        Duration time = base.sandboxTime();
        int sandboxes = 1;
        Map<String, TestVerdict> verdicts = new HashMap<>(base.verdicts());
        boolean noneRan = generated.stream().allMatch(t -> verdicts.get(t.id()) == TestVerdict.MISSING);
        if (java && generated.size() > 1 && noneRan) {
            log.info("{}: generated tests gave no results together; checking them one by one", task.instanceId());
            for (VerificationTest t : generated) {
                RunResult alone = executor.onBase(task, baseTree, List.of(t));
                time = time.plus(alone.sandboxTime());
                sandboxes++;
                verdicts.put(t.id(), alone.verdicts().get(t.id()));
            }
        }
        List<VerificationTest> kept = new ArrayList<>();
        for (VerificationTest t : all) {
            TestVerdict v = verdicts.get(t.id());
            if (v == TestVerdict.FAIL) {
                kept.add(t);
            } else {
                discarded.add(t.id() + ": " + switch (v) {
                    case PASS -> "passes on the base code";
                    case ERROR -> "errors outside the test (import or setup)";
                    case MISSING -> "produced no result (does not compile or was not collected)";
                    default -> v.name().toLowerCase(Locale.ROOT);
                });
            }
        }
        log.info("{}: kept {} of {} reproduction tests", task.instanceId(), kept.size(), all.size());
        return new GeneratedTests(kept, discarded, spend.total(), time, sandboxes);
    }

    /** Model calls and usage of one {@link #generate} call. */
    private static final class Spend {
        private int calls;
        private Usage usage = Usage.ZERO;

        ModelSpend total() {
            return ModelSpend.of(calls, usage);
        }
    }

    private Optional<VerificationTest> ask(Task task, Path tree, List<NearestTests.Ranked> testFiles, boolean java, int k,
                                           List<String> discarded, Spend spend) {
        String id = "gen-" + k;
        String user = prompt(task, tree, testFiles, java, k);
        String example = example(testFiles, java);
        String className = className(k);
        String answer;
        try {
            spend.calls++;
            ModelResponse response = model.chat(new ModelRequest(List.of(
                    new Message.SystemPrompt(resource("generate_system.txt")), new Message.User(user)), List.of()));
            spend.usage = spend.usage.plus(response.usage());
            answer = response.message().text();
        } catch (ModelException e) {
            log.warn("{}: test generation call {} failed: {}", task.instanceId(), k, e.getMessage());
            discarded.add(id + ": model call failed: " + e.getMessage());
            return Optional.empty();
        }
        Matcher m = FENCE.matcher(answer);
        if (!m.find()) {
            discarded.add(id + ": the answer holds no code block");
            return Optional.empty();
        }
        String code = m.group(1);
        if (!java) {
            String dir = example.contains("/") ? example.substring(0, example.lastIndexOf('/') + 1) : "tests/";
            String path = dir + "test_fixpoint_repro_" + k + ".py";
            return Optional.of(VerificationTest.results(id, VerificationTest.Kind.REPRODUCTION, "generated",
                    Map.of(path, code), path + "::"));
        }
        return javaTest(id, code, className, example, discarded);
    }

    /**
     * The user message asking for test {@code k}: the issue, up to {@value #LISTED} test files related to the code it
     * names, nearest first and with why (or the first {@value #UNRELATED_LISTED} when none is), and the nearest one of the task's language in full (up to {@value #EXAMPLE_LINES} lines) as the
     * style example; the generated Python test goes beside that example, so it is a file of the same package.
     */
    static String prompt(Task task, Path tree, List<NearestTests.Ranked> testFiles, boolean java, int k) {
        String example = example(testFiles, java);
        String exampleText = "";
        String examplePath = example.isEmpty() ? "none: the repository has no test files by the usual names" : example;
        if (!example.isEmpty()) {
            List<String> lines = TestFiles.read(tree, example).strip().lines().toList();
            exampleText = String.join("\n", lines.subList(0, Math.min(lines.size(), EXAMPLE_LINES)));
            if (lines.size() > EXAMPLE_LINES) examplePath += ", its first " + EXAMPLE_LINES + " of " + lines.size() + " lines";
        }
        // Only tests related to the issue's code; when nothing is, the first few test files as a sample of the layout.
        List<NearestTests.Ranked> related = testFiles.stream().filter(NearestTests.Ranked::related).limit(LISTED).toList();
        List<NearestTests.Ranked> shown = related.isEmpty() ? testFiles.stream().limit(UNRELATED_LISTED).toList() : related;
        String listed = shown.stream()
                .map(r -> "- " + r.path() + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")")).collect(Collectors.joining("\n"));
        return render(resource("generate.txt"), Map.of(
                "issue", task.problemStatement().strip(),
                "language", java ? "Java" : "Python",
                "framework", java ? "JUnit 5" : "pytest",
                "test_files", listed.isEmpty() ? "(none found)" : listed,
                "example_path", examplePath,
                "example", exampleText,
                "fence", java ? "java" : "python",
                "naming", java ? "Name the public class " + className(k) + " and put it in the package of the code it tests."
                        : "Name the test functions test_*."));
    }

    private static String example(List<NearestTests.Ranked> testFiles, boolean java) {
        return testFiles.stream().map(NearestTests.Ranked::path).filter(f -> f.endsWith(java ? ".java" : ".py")).findFirst().orElse("");
    }

    private static String className(int k) {
        return "FixpointRepro" + k + "Test";
    }

    /** Places a generated JUnit class under the test source root, renamed to its fixed name. */
    private static Optional<VerificationTest> javaTest(String id, String code, String className, String example,
                                                       List<String> discarded) {
        ParseResult<CompilationUnit> parsed = new JavaParser().parse(code);
        if (parsed.getResult().isEmpty() || !parsed.isSuccessful()) {
            discarded.add(id + ": does not parse as Java: " + parsed.getProblems().stream().findFirst()
                    .map(Object::toString).orElse("unknown problem"));
            return Optional.empty();
        }
        CompilationUnit unit = parsed.getResult().get();
        Optional<TypeDeclaration<?>> type = unit.getTypes().stream().filter(TypeDeclaration::isPublic).findFirst()
                .or(() -> unit.getTypes().stream().findFirst());
        if (type.isEmpty()) {
            discarded.add(id + ": declares no class");
            return Optional.empty();
        }
        String oldName = type.get().getNameAsString();
        String source = oldName.equals(className) ? code : code.replaceAll("\\b" + Pattern.quote(oldName) + "\\b", className);
        String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        int root = example.indexOf("src/test/java/");
        String sourceRoot = root >= 0 ? example.substring(0, root) + "src/test/java/" : "src/test/java/";
        String path = sourceRoot + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + className + ".java";
        String fqn = pkg.isEmpty() ? className : pkg + "." + className;
        return Optional.of(VerificationTest.results(id, VerificationTest.Kind.REPRODUCTION, "generated",
                Map.of(path, source), fqn + "#"));
    }

    /** The candidates' own reproduction scripts, run as scripts: {@code python3 f.py}, or Java's source launcher. */
    static List<VerificationTest> candidateScripts(List<CandidatePatch> candidates, boolean java) {
        List<VerificationTest> scripts = new ArrayList<>();
        for (CandidatePatch c : candidates) {
            int n = 0;
            for (Map.Entry<String, String> f : c.reproductionFiles().entrySet()) {
                String path = f.getKey();
                String command;
                if (path.endsWith(".py")) {
                    command = "python3 " + path;
                } else if (path.endsWith(".java") && java) {
                    command = "rm -rf /tmp/fixpoint-classes && mkdir -p /tmp/fixpoint-classes && "
                            + "javac -encoding UTF-8 -d /tmp/fixpoint-classes $(find src/main/java -name '*.java') && "
                            + "java -cp /tmp/fixpoint-classes " + path;
                } else {
                    continue;
                }
                scripts.add(VerificationTest.script(c.id() + "-repro" + (n++ == 0 ? "" : "-" + n),
                        VerificationTest.Kind.REPRODUCTION, "candidate " + c.id(), Map.of(path, f.getValue()), command));
            }
        }
        return scripts;
    }

    private static String render(String template, Map<String, String> values) {
        Matcher m = Pattern.compile("\\{\\{([a-z_]+)}}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new VerifierException("generate.txt: no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    private static String resource(String name) {
        try (InputStream in = TestGenerator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new VerifierException("prompt template resource is missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VerifierException("cannot read prompt template " + name + ": " + e.getMessage(), e);
        }
    }
}
