package dev.fixpoint.tasks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An input file's text decoded from UTF-8 without stopping at a bad byte: each malformed sequence becomes U+FFFD and
 * the line holding it is remembered, so that a reader can skip that row and name its file and line (a plain
 * {@code Files.readString} throws "Input length = 1" for the whole file).
 *
 * @param text     the decoded text
 * @param badLines 1-based line number to the first bad byte on it, in line order
 */
public record Utf8Text(String text, Map<Integer, BadByte> badLines) {

    /**
     * The first byte of a malformed sequence.
     *
     * @param column 1-based byte offset in its line
     * @param value  the byte, 0-255
     */
    public record BadByte(int column, int value) {}

    public Utf8Text {
        badLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(badLines));
    }

    /** Reads and decodes a file. */
    public static Utf8Text read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /** Decodes bytes, replacing each malformed sequence with U+FFFD. */
    public static Utf8Text decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        Map<Integer, BadByte> bad = new LinkedHashMap<>();
        int line = 1;
        int lineStart = 0;
        int counted = 0;
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (!r.isError()) {
                decoder.flush(out);
                break;
            }
            int at = in.position();
            for (; counted < at; counted++) {
                if (bytes[counted] == '\n') {
                    line++;
                    lineStart = counted + 1;
                }
            }
            bad.putIfAbsent(line, new BadByte(at - lineStart + 1, bytes[at] & 0xff));
            out.put('\uFFFD');
            in.position(at + r.length());
        }
        out.flip();
        return new Utf8Text(out.toString(), bad);
    }

    /** Whether some line was not valid UTF-8. */
    public boolean hasBadLines() {
        return !badLines.isEmpty();
    }

    /** The problem of a line that was not valid UTF-8, or empty. */
    public Optional<String> problem(int line) {
        BadByte b = badLines.get(line);
        return b == null ? Optional.empty() : Optional.of(describe(b));
    }

    /** The first bad line at or after {@code from} and at or before {@code to}, or empty. */
    public Optional<Integer> firstBadLine(int from, int to) {
        return badLines.keySet().stream().filter(l -> l >= from && l <= to).findFirst();
    }

    /** Every bad line with its problem, in line order. */
    public List<Map.Entry<Integer, String>> problems() {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        badLines.forEach((line, b) -> out.add(Map.entry(line, describe(b))));
        return out;
    }

    private static String describe(BadByte b) {
        return String.format("not valid UTF-8: byte 0x%02X at column %d (save the file as UTF-8, or fix or remove this row)",
                b.value(), b.column());
    }
}
