package dev.fixpoint.solver.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.fixpoint.solver.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The GitHub Action and the README's example workflow: they parse, and every option they pass to solve exists. */
class ActionManifestTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theActionPassesOnlyOptionsSolveHasAndTreatsAnAbstentionAsSuccess() throws Exception {
        JsonNode action = YAML.readTree(Files.readString(ROOT.resolve("action.yml")));
        assertEquals("composite", action.path("runs").path("using").asText());
        assertTrue(action.path("inputs").path("model").path("required").asBoolean());
        JsonNode solve = null;
        for (JsonNode step : action.path("runs").path("steps")) if ("solve".equals(step.path("id").asText())) solve = step;
        assertNotNull(solve, "a step with id solve");
        String script = solve.path("run").asText();
        Set<String> options = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(script);
        while (m.find()) options.add(m.group());
        Set<String> known = solveOptions();
        for (String o : options) assertTrue(known.contains(o), "solve has no option " + o + " (action.yml passes it)");
        assertTrue(options.containsAll(Set.of("--github-event", "--post", "--pull-request", "--post-abstention", "--model")), options.toString());
        assertTrue(script.contains("\"$status\" -eq 4") && script.contains("exit 0"), "exit 4 (no confident fix) does not fail the job");
        String text = Files.readString(ROOT.resolve("action.yml"));
        for (String input : iterableStrings(action.path("inputs").fieldNames())) {
            assertTrue(text.contains("inputs." + input), "input " + input + " is used");
        }
    }

    @Test
    void theReadmeWorkflowAsksForTheLeastPermissionsAndUsesTheAction() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int a = readme.indexOf("<!-- workflow:begin -->"), b = readme.indexOf("<!-- workflow:end -->");
        assertTrue(a > 0 && b > a, "the README marks its example workflow");
        String block = readme.substring(a, b);
        String yaml = block.substring(block.indexOf("```yaml") + 7, block.lastIndexOf("```"));
        JsonNode wf = YAML.readTree(yaml);
        assertEquals(Set.of("contents", "issues", "pull-requests"), fields(wf.path("permissions")));
        wf.path("permissions").forEach(p -> assertEquals("write", p.asText()));
        assertTrue(wf.path("on").has("issues") && wf.path("on").has("issue_comment"));
        JsonNode job = wf.path("jobs").path("solve");
        assertTrue(job.path("if").asText().contains("'fixpoint'") && job.path("if").asText().contains("author_association"),
                "runs on the label, or on a comment by someone trusted: " + job.path("if").asText());
        JsonNode uses = job.path("steps").get(1);
        assertTrue(uses.path("uses").asText().startsWith("fixpoint-dev/fixpoint@"), uses.toString());
        JsonNode action = YAML.readTree(Files.readString(ROOT.resolve("action.yml")));
        for (String input : iterableStrings(uses.path("with").fieldNames())) {
            assertTrue(action.path("inputs").has(input), "the workflow passes input " + input + " that action.yml lacks");
        }
    }

    private static Set<String> solveOptions() {
        CommandLine solve = new CommandLine(new Main()).getSubcommands().get("solve");
        Set<String> names = new TreeSet<>();
        solve.getCommandSpec().options().forEach(o -> names.addAll(Set.of(o.names())));
        return names;
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static Iterable<String> iterableStrings(java.util.Iterator<String> it) {
        return () -> it;
    }
}
