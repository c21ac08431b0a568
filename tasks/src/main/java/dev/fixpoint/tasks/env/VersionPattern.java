package dev.fixpoint.tasks.env;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version key of an environment spec file: an exact version ({@code "3.0"}, compared as text) or a range of
 * comma-separated constraints ({@code ">=1.2,<2"}; operators {@code >= > <= < == !=}), compared component by
 * component ({@code 1.10 > 1.9}; numeric components numerically, others as text, a missing component is 0).
 *
 * @param text the key as written in the file
 */
public record VersionPattern(String text, List<Constraint> constraints) {

    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(>=|<=|==|!=|>|<)\\s*([A-Za-z0-9._+-]+)\\s*");

    /** One comparison of a range. */
    public record Constraint(String operator, String version) {}

    public VersionPattern {
        constraints = List.copyOf(constraints);
    }

    /**
     * Parses a version key.
     *
     * @throws IllegalArgumentException naming the key when a range constraint is malformed
     */
    public static VersionPattern parse(String key) {
        String trimmed = key.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty version key");
        }
        if (!isRange(trimmed)) {
            return new VersionPattern(trimmed, List.of());
        }
        List<Constraint> constraints = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            Matcher m = CONSTRAINT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a version range constraint: \"" + part.trim() + "\" in \""
                        + key + "\" (use e.g. \">=1.2,<2\" with >=, >, <=, <, ==, !=)");
            }
            constraints.add(new Constraint(m.group(1), m.group(2)));
        }
        return new VersionPattern(trimmed, constraints);
    }

    private static boolean isRange(String key) {
        char c = key.charAt(0);
        return c == '<' || c == '>' || c == '=' || c == '!' || key.contains(",");
    }

    /** True for a range, false for an exact version. */
    public boolean isRange() {
        return !constraints.isEmpty();
    }

    /** Whether {@code version} is this exact version, or lies in this range. A blank version matches no range. */
    public boolean matches(String version) {
        String v = version == null ? "" : version.trim();
        if (!isRange()) {
            return text.equals(v);
        }
        if (v.isEmpty()) {
            return false;
        }
        for (Constraint c : constraints) {
            int cmp = compare(v, c.version());
            boolean ok = switch (c.operator()) {
                case ">=" -> cmp >= 0;
                case ">" -> cmp > 0;
                case "<=" -> cmp <= 0;
                case "<" -> cmp < 0;
                case "==" -> cmp == 0;
                case "!=" -> cmp != 0;
                default -> throw new IllegalStateException("operator " + c.operator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Compares dotted versions component by component; see the type's description. */
    static int compare(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int cmp;
            if (p.matches("\\d+") && q.matches("\\d+")) {
                cmp = new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
            } else {
                cmp = p.compareTo(q);
            }
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
