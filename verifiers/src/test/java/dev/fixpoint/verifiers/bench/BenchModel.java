package dev.fixpoint.verifiers.bench;

import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.ScriptedModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The bench's stand-in for a model, scripted by rules instead of a fixed list (the number of judge calls depends on
 * the pool): asked for a reproduction test, it answers with the next of the given test files (derived from the
 * task's own test_patch, so they are as good as the hidden tests); asked to judge one patch it always says YES;
 * asked to rank, it ranks by position (1 > 2 > ... > n), the bias that listwise position shuffling must cancel.
 * It carries no judgement at all: strategies that read it show that the plumbing works, not how a model judges.
 */
final class BenchModel implements Model {

    private static final Pattern CANDIDATE = Pattern.compile("<candidate number=\"(\\d+)\">");

    private final List<String> tests;
    private final String fence;
    private final AtomicInteger testCalls = new AtomicInteger();

    /**
     * @param tests test files to hand out, in order (cycling)
     * @param fence code fence language ({@code python} or {@code java})
     */
    BenchModel(List<String> tests, String fence) {
        this.tests = List.copyOf(tests);
        this.fence = fence;
    }

    @Override
    public String id() {
        return "scripted:bench";
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        String user = request.messages().stream().filter(m -> m instanceof Message.User)
                .map(m -> ((Message.User) m).text()).reduce((a, b) -> b).orElse("");
        if (user.contains("<candidate number=")) {
            Matcher m = CANDIDATE.matcher(user);
            int n = 0;
            while (m.find()) {
                n = Math.max(n, Integer.parseInt(m.group(1)));
            }
            String ranking = IntStream.rangeClosed(1, n).mapToObj(Integer::toString).collect(Collectors.joining(" > "));
            return ScriptedModel.respond("They look equally good.\nRANKING: " + ranking);
        }
        if (user.contains("<patch>")) {
            return ScriptedModel.respond("Looks right.\nVERDICT: YES");
        }
        if (tests.isEmpty()) {
            return ScriptedModel.respond("I cannot write a test for this.");
        }
        String test = tests.get(testCalls.getAndIncrement() % tests.size());
        return ScriptedModel.respond("```" + fence + "\n" + test + (test.endsWith("\n") ? "" : "\n") + "```\n");
    }
}
