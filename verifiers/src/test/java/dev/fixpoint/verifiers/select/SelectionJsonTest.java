package dev.fixpoint.verifiers.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.verifiers.dedup.PatchState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionJsonTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Selector selector = new Selector();

    private final List<Evidence> pool = Pool.of()
            .add("r0", 0, 2).exec(2, 2, 0, 3).judge(0.8, 1.0)
            .add("r1", 1, 1).exec(1, 2, 0, 3)
            .add("r2", 0, 2).exec(2, 2, 0, 3).judge(0.8, 1.0)
            .add("r3", 2, 1, PatchState.EMPTY).build();

    @Test
    void aSelectionRoundTripsThroughJsonWithItsEvidence() throws Exception {
        Selection s = selector.select(WeightedScore.defaults(), pool);

        String text = json.writeValueAsString(s);
        Selection back = json.readValue(text, Selection.class);

        assertEquals(s, back);
        JsonNode tree = json.readTree(text);
        assertEquals("weighted", tree.get("strategy").asText());
        assertFalse(tree.get("abstained").asBoolean());
        assertEquals("r0", tree.get("chosenCandidateId").asText());
        assertEquals(2, tree.at("/evidence/1/execution/reproductionTotal").asInt());
        assertTrue(tree.at("/evidence/1/judge").isNull());
        assertEquals("empty patch", tree.at("/scores/3/excluded").asText());
        assertTrue(tree.get("config").asText().startsWith("WeightedScore[executionWeight=0.5"));
    }

    @Test
    void anAbstentionRoundTripsAndTheOutputIsDeterministic() throws Exception {
        Selection s = selector.select(new MajorityVote(new Abstention(0.9, 0.0)), pool);

        String text = json.writeValueAsString(s);

        assertTrue(s.abstained());
        assertEquals(s, json.readValue(text, Selection.class));
        assertEquals(text, json.writeValueAsString(selector.select(new MajorityVote(new Abstention(0.9, 0.0)), pool)));
        assertTrue(json.readTree(text).get("chosenCandidateId").isNull());
    }
}
