package dev.fixpoint.verifiers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Jackson (de)serialisers writing a {@link Duration} as its ISO-8601 text ({@code "PT2.5S"}), so that the verifiers'
 * records serialise with a plain {@code ObjectMapper} (no java.time module needed) and read back equal. Put on a
 * record component with {@code @JsonSerialize(using = DurationJson.Writer.class)} and
 * {@code @JsonDeserialize(using = DurationJson.Reader.class)}.
 */
public final class DurationJson {

    private DurationJson() {
    }

    /** Writes {@code Duration.toString()}. */
    public static final class Writer extends StdSerializer<Duration> {
        public Writer() {
            super(Duration.class);
        }

        @Override
        public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads what {@link Writer} wrote; fails naming the text when it is not an ISO-8601 duration. */
    public static final class Reader extends StdDeserializer<Duration> {
        public Reader() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException | NullPointerException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not an ISO-8601 duration");
            }
        }
    }
}
