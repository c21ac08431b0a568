package dev.fixpoint.harness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The harness's JSON, internal to the harness module (its packages share it; not an API): one mapper for the files
 * it reads, and the layout of Python's {@code json.dumps(obj, indent=4)} for the files it writes (SWE-bench's
 * {@code report.json}, {@code summary.json}, and our {@code run.json}): four-space indent, {@code ": "} and
 * {@code ","} separators, {@code []} / {@code {}} for empty containers, and {@code ensure_ascii}: every character
 * above U+007F escaped as lower-case {@code \\uXXXX} (astral ones as their two surrogates). Unlike Python, U+007F
 * itself is written as is (as the files always had it).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private static final Separators PYTHON_SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEntrySpacing(Separators.Spacing.NONE)
            .withArrayValueSpacing(Separators.Spacing.NONE)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");

    private static final DefaultIndenter FOUR_SPACES = new DefaultIndenter("    ", "\n");

    private static final ObjectWriter PYTHON = MAPPER.writer(new DefaultPrettyPrinter(PYTHON_SEPARATORS)
                    .withObjectIndenter(FOUR_SPACES).withArrayIndenter(FOUR_SPACES))
            .with(JsonWriteFeature.ESCAPE_NON_ASCII)
            .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {}

    /** The harness's mapper, for reading its files and SWE-bench's predictions. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code value} in Python's {@code json.dumps(value, indent=4)} layout, with a final newline. Maps are written in
     * their iteration order: callers pass LinkedHashMaps, so output is stable. Takes Map, Collection, CharSequence,
     * Boolean, Integer/Long, BigDecimal and null.
     */
    static String write(Object value) {
        try {
            return PYTHON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Seconds with millisecond precision, e.g. {@code 2.345}. */
    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
    }
}
