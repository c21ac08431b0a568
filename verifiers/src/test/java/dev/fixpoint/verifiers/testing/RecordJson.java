package dev.fixpoint.verifiers.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A mapper for checking that the verifiers' records round-trip through JSON: plain Jackson plus java.time, durations
 * as ISO-8601 text, as the run files' writer ({@code solver.run.RunJson}) configures it.
 */
public final class RecordJson {

    private RecordJson() {}

    public static ObjectMapper mapper() {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).build();
    }
}
