package dev.fixpoint.agent.trajectory;

import dev.fixpoint.agent.AgentJson;
import dev.fixpoint.agent.Agent;
import dev.fixpoint.agent.AgentException;
import dev.fixpoint.agent.AgentListener;
import dev.fixpoint.agent.Candidate;
import dev.fixpoint.agent.RolloutStart;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fixpoint.models.Redactor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a rollout's trajectory as JSONL (format: {@link TrajectoryJson}), one record per step, flushed after every
 * record: a killed rollout leaves every finished step readable. Secrets are redacted before writing. Pass one per
 * rollout to {@link Agent#run}; close it afterwards (idempotent).
 */
public final class TrajectoryRecorder implements AgentListener, AutoCloseable {

    private static final ObjectMapper JSON = AgentJson.mapper();

    private final Path file;
    private final Writer out;
    private final Redactor redactor;
    private boolean closed;

    private TrajectoryRecorder(Path file, Writer out, Redactor redactor) {
        this.file = file;
        this.out = out;
        this.redactor = redactor;
    }

    /** Creates (or truncates) the file; secrets of the process environment are redacted. */
    public static TrajectoryRecorder open(Path file) {
        return open(file, Redactor.forProcess());
    }

    public static TrajectoryRecorder open(Path file, Redactor redactor) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            return new TrajectoryRecorder(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), redactor);
        } catch (IOException e) {
            throw new AgentException("cannot create trajectory file " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void onStart(RolloutStart start) {
        write(TrajectoryJson.start(start));
    }

    @Override
    public void onStep(Step step) {
        write(TrajectoryJson.step(step));
    }

    @Override
    public void onFinish(Candidate candidate) {
        write(TrajectoryJson.end(candidate));
    }

    private synchronized void write(ObjectNode record) {
        if (closed) throw new AgentException("trajectory " + file + " is closed");
        TrajectoryJson.redact(record, redactor);
        try {
            out.write(JSON.writeValueAsString(record));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new AgentException("cannot write trajectory " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new AgentException("cannot close trajectory " + file + ": " + e.getMessage(), e);
        }
    }
}
