package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.Outcome;
import dev.fixpoint.models.Message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trajectory file read back by {@link TrajectoryParser#read}: what {@link TrajectoryRecorder} wrote, as our own
 * records. Read like a parse result: a line that is not JSON (a rollout killed mid-write), a record of an unknown type
 * or a record with a bad value becomes a {@link Problem} and reading goes on with the next line.
 *
 * @param messages the start record's messages (system prompt and task), in order
 * @param steps    the step records in order; their usage has no latency, their times have the file's precision
 *                 (hundredths of a millisecond) and a step without a timestamp has {@link java.time.Instant#EPOCH}
 * @param end      the end record, when the rollout finished
 * @param problems the lines that could not be read, in order
 */
public record RecordedTrajectory(List<Message> messages, List<Step> steps, Optional<End> end, List<Problem> problems) {

    public RecordedTrajectory {
        messages = List.copyOf(messages);
        steps = List.copyOf(steps);
        Objects.requireNonNull(end, "end");
        problems = List.copyOf(problems);
    }

    /**
     * How the rollout ended.
     *
     * @param error the error text, "" when there was none
     */
    public record End(Outcome outcome, int steps, String error) {
        public End {
            Objects.requireNonNull(outcome, "outcome");
            error = error == null ? "" : error;
        }
    }

    /**
     * A line that could not be read.
     *
     * @param line    1-based line number
     * @param message what is wrong with it, e.g. {@code unknown record type foo}
     */
    public record Problem(int line, Kind kind, String message) {
        public enum Kind {
            /** Not a JSON object: typically the partial last line of a killed rollout. */
            NOT_JSON,
            /** A JSON record whose type is not start, step or end. */
            UNKNOWN_RECORD,
            /** A start, step or end record with a value that does not fit (negative tokens, bad time, unknown outcome). */
            BAD_RECORD
        }
    }
}
