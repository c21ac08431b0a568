package dev.fixpoint.solver.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fixpoint.solver.SolverException;
import dev.fixpoint.verifiers.exec.VerificationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The solver's JSON, internal to the solver module (its packages share it; not an API): one mapper for the run
 * files it writes and reads ({@code candidate.json}, {@code selection.json}, {@code run.json},
 * {@code report/grades.json}, ...) and the other JSON it reads (scripts, GitHub events and answers). It gives the
 * verifiers' plain records their JSON form: durations as ISO-8601 text ({@code "PT2.5S"}, java.time through
 * jackson-datatype-jsr310), and {@link VerificationTest#isScript()} left out (it is derived).
 */
public final class RunJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addMixIn(VerificationTest.class, VerificationTestJson.class)
            .build();

    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private RunJson() {}

    /** The solver's mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * {@code value} in Jackson's default pretty layout (two-space indent, {@code " : "}), with a final newline;
     * {@code what} names it in the error, e.g. {@code "rollout 3 of o__r-1"}.
     */
    public static String pretty(Object value, String what) {
        try {
            return PRETTY.writeValueAsString(value) + "\n";
        } catch (IOException e) {
            throw new SolverException("cannot serialise " + what + ": " + e.getMessage(), e);
        }
    }

    /** A JSON file's tree; fails naming the file when it cannot be read or parsed. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new SolverException(file + ": cannot read it as JSON: " + e.getMessage(), e);
        }
    }

    /** {@link VerificationTest}'s JSON form: its components only. */
    private abstract static class VerificationTestJson {
        @JsonIgnore
        abstract boolean isScript();
    }
}
