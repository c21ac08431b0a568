package dev.fixpoint.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is written anywhere: the values of secret-looking environment variables
 * (names containing KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL) and well-known key shapes (OpenAI/Anthropic sk-...,
 * Google AIza..., GitHub ghp_..., Hugging Face hf_..., AWS AKIA..., Slack xox..., bearer tokens).
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");
    private static final int MIN_SECRET_LENGTH = 8;
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("sk-[A-Za-z0-9_\\-]{16,}"),
            Pattern.compile("AIza[0-9A-Za-z_\\-]{30,}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{30,}"),
            Pattern.compile("github_pat_[A-Za-z0-9_]{30,}"),
            Pattern.compile("hf_[A-Za-z0-9]{30,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("xox[abprs]-[A-Za-z0-9\\-]{10,}"));
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/\\-]{16,}=*");

    private final List<String> values;

    private Redactor(List<String> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(sorted);
    }

    /** Redacts the values of secret-looking variables of {@code env}, plus the known shapes. */
    public static Redactor fromEnvironment(Map<String, String> env) {
        var values = new ArrayList<String>();
        env.forEach((name, value) -> {
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH && SECRET_NAME.matcher(name).matches()) {
                values.add(value.strip());
            }
        });
        return new Redactor(values);
    }

    /** The process environment's secrets, plus the known shapes. */
    public static Redactor forProcess() {
        return fromEnvironment(System.getenv());
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) return text;
        String out = text;
        for (String v : values) {
            if (out.contains(v)) out = out.replace(v, MASK);
        }
        for (Pattern p : SHAPES) out = p.matcher(out).replaceAll(MASK);
        return BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
