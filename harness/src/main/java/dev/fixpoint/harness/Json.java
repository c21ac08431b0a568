package dev.fixpoint.harness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON the way Python's {@code json.dumps(obj, indent=4)} does (SWE-bench's files): four-space indent,
 * {@code ": "} and {@code ","} separators, non-ASCII escaped as {@code \\uXXXX}, {@code []} / {@code {}} for empty
 * containers. Maps are written in their iteration order: callers pass LinkedHashMaps, so output is stable.
 * Supports Map, Collection, CharSequence, Boolean, Integer/Long, BigDecimal and null.
 */
final class Json {

    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    /** Seconds with millisecond precision, e.g. {@code 2.345}. */
    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY);
    }

    private static void write(StringBuilder sb, Object v, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                indent(sb, depth + 1);
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), depth + 1);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            int i = 0;
            for (Object o : c) {
                indent(sb, depth + 1);
                write(sb, o, depth + 1);
                sb.append(++i < c.size() ? ",\n" : "\n");
            }
            indent(sb, depth);
            sb.append(']');
        } else if (v instanceof CharSequence s) {
            string(sb, s.toString());
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else {
            throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("    ".repeat(depth));
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7f) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
