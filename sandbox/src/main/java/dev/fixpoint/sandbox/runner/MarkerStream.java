package dev.fixpoint.sandbox.runner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One output stream (stdout or stderr) of one command, cut out of the runner's continuous stream by the
 * request's token: bytes before {@code TOK b} are stray (left by earlier commands' escaped processes) and
 * dropped; {@code TOK p PID} carries the process group; {@code TOK e EXIT OOM} ends the stream. Keeps at most
 * {@code cap} bytes of output; the rest is counted and dropped. Not thread-safe: fed by one reader thread.
 */
public final class MarkerStream {

    private enum State { BEFORE_BEGIN, BODY, DONE }

    /** A marker line is short; a token followed by this much without a newline is output, not a marker. */
    private static final int MAX_MARKER_LINE = 64;

    private final byte[] token;
    private final long cap;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private State state = State.BEFORE_BEGIN;
    private long dropped;
    private long pid = -1;
    private int exitCode;
    private int oomKills;

    public MarkerStream(String token, long cap) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.cap = cap;
    }

    /** Feeds bytes as they arrive. */
    public void accept(byte[] data) {
        if (state == State.DONE) return;
        byte[] buf;
        if (pending.length == 0) {
            buf = data;
        } else {
            buf = Arrays.copyOf(pending, pending.length + data.length);
            System.arraycopy(data, 0, buf, pending.length, data.length);
        }
        int pos = 0;
        while (state != State.DONE) {
            int at = indexOf(buf, pos);
            if (at < 0) {
                int keep = partialTokenAtEnd(buf, pos);
                emit(buf, pos, buf.length - keep);
                pending = Arrays.copyOfRange(buf, buf.length - keep, buf.length);
                return;
            }
            emit(buf, pos, at);
            int lineStart = at + token.length;
            int nl = newline(buf, lineStart, Math.min(buf.length, lineStart + MAX_MARKER_LINE));
            if (nl < 0) {
                if (buf.length - lineStart < MAX_MARKER_LINE) { // marker line not complete yet
                    pending = Arrays.copyOfRange(buf, at, buf.length);
                    return;
                }
                emit(buf, at, lineStart); // the token without a marker line: output
                pos = lineStart;
                continue;
            }
            marker(new String(buf, lineStart, nl - lineStart, StandardCharsets.UTF_8).trim());
            pos = nl + 1;
        }
        pending = new byte[0];
    }

    private void marker(String line) {
        String[] f = line.split(" ");
        switch (f[0]) {
            case "b" -> state = State.BODY;
            case "p" -> pid = Long.parseLong(f[1]);
            case "e" -> {
                exitCode = Integer.parseInt(f[1]);
                oomKills = f.length > 2 ? Integer.parseInt(f[2]) : 0;
                state = State.DONE;
            }
            default -> throw new IllegalStateException("unknown runner marker: " + line);
        }
    }

    private void emit(byte[] buf, int from, int to) {
        if (state != State.BODY || to <= from) return;
        int n = to - from;
        long room = cap - kept.size();
        if (room >= n) {
            kept.write(buf, from, n);
        } else {
            if (room > 0) kept.write(buf, from, (int) room);
            dropped += n - Math.max(room, 0);
        }
    }

    private int indexOf(byte[] buf, int from) {
        byte first = token[0];
        outer:
        for (int i = from; i <= buf.length - token.length; i++) {
            if (buf[i] != first) continue;
            for (int j = 1; j < token.length; j++) {
                if (buf[i + j] != token[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** Length of the longest suffix of buf[from..] that is a proper prefix of the token. */
    private int partialTokenAtEnd(byte[] buf, int from) {
        int max = Math.min(token.length - 1, buf.length - from);
        for (int k = max; k > 0; k--) {
            if (Arrays.equals(buf, buf.length - k, buf.length, token, 0, k)) return k;
        }
        return 0;
    }

    private static int newline(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') return i;
        }
        return -1;
    }

    public boolean begun() { return state != State.BEFORE_BEGIN; }
    public boolean done() { return state == State.DONE; }
    public long pid() { return pid; }
    public int exitCode() { return exitCode; }
    public int oomKills() { return oomKills; }
    public boolean truncated() { return dropped > 0; }
    public long droppedBytes() { return dropped; }
    public byte[] bytes() { return kept.toByteArray(); }
}
