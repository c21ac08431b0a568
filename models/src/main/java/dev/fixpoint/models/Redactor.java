package dev.fixpoint.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is written anywhere: the values of secret-looking environment variables
 * (names containing KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL), of variables named as secret (the config's key and
 * token variables, {@code secret_env}), each also in its base64 forms (at each of the three byte alignments, so the
 * key inside a longer base64 text is found too), and well-known key shapes (OpenAI/Anthropic sk-..., Google AIza...,
 * GitHub ghp_..., Hugging Face hf_..., AWS AKIA..., Slack xox..., bearer tokens).
 *
 * <p>The one place of redaction: every writer of Fixpoint's outputs (run files, reports, patches, predictions,
 * trajectories, stdout and stderr) passes its text through {@link #forProcess()}, the redactor of this process's
 * environment plus the variables the command's config names ({@link #registerSecretVariables}). Immutable; the
 * process-wide instance is replaced, never changed, and only grows.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL).*");
    private static final int MIN_SECRET_LENGTH = 8;
    /** Base64 fragments shorter than this are not masked (too likely to occur by chance). */
    private static final int MIN_BASE64_LENGTH = 10;
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("sk-[A-Za-z0-9_\\-]{16,}"),
            Pattern.compile("AIza[0-9A-Za-z_\\-]{30,}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{30,}"),
            Pattern.compile("github_pat_[A-Za-z0-9_]{30,}"),
            Pattern.compile("hf_[A-Za-z0-9]{30,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("xox[abprs]-[A-Za-z0-9\\-]{10,}"));
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/\\-]{16,}=*");

    private static volatile Redactor process;
    private static final Set<String> processVariables = new LinkedHashSet<>();

    private final List<String> values;

    private Redactor(Collection<String> secrets) {
        Set<String> all = new LinkedHashSet<>();
        for (String s : secrets) {
            all.add(s);
            all.addAll(base64Forms(s));
        }
        var sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.values = List.copyOf(sorted);
    }

    /** Redacts the values of secret-looking variables of {@code env}, plus the known shapes. */
    public static Redactor fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, List.of());
    }

    /**
     * Redacts the values of secret-looking variables of {@code env} and of the variables {@code secretVariables} names
     * whatever their names, plus the known shapes.
     */
    public static Redactor fromEnvironment(Map<String, String> env, Collection<String> secretVariables) {
        var values = new ArrayList<String>();
        env.forEach((name, value) -> {
            if (value != null && value.strip().length() >= MIN_SECRET_LENGTH
                    && (SECRET_NAME.matcher(name).matches() || secretVariables.contains(name))) {
                values.add(value.strip());
            }
        });
        return new Redactor(values);
    }

    /**
     * The redactor of this process: the secrets of its environment ({@link #fromEnvironment}) and of the variables
     * registered with {@link #registerSecretVariables}.
     */
    public static Redactor forProcess() {
        Redactor r = process;
        if (r == null) {
            synchronized (processVariables) {
                if (process == null) process = fromEnvironment(System.getenv(), Set.copyOf(processVariables));
                r = process;
            }
        }
        return r;
    }

    /**
     * Adds variables whose values are secrets whatever their names (the config's {@code model_api_key_env},
     * {@code github_token_env}, {@code secret_env}) to {@link #forProcess()}.
     */
    public static void registerSecretVariables(Collection<String> names) {
        synchronized (processVariables) {
            if (processVariables.addAll(names)) process = fromEnvironment(System.getenv(), Set.copyOf(processVariables));
        }
    }

    /**
     * A stream that writes what {@code out} would, each line passed through {@link #forProcess()} first (a line is
     * held until its newline or a flush, so a secret split over two writes is still found). For System.out and
     * System.err.
     */
    public static PrintStream redacting(PrintStream out) {
        return new PrintStream(new LineRedactingStream(out), true, StandardCharsets.UTF_8);
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

    /**
     * The base64 text that a secret becomes inside any longer base64 text, at each of the three byte alignments: the
     * characters that depend on the secret's bytes only. Standard and URL-safe alphabets.
     */
    static List<String> base64Forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>();
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + bytes.length];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            int from = (shift * 8 + 5) / 6;
            int to = (shift + bytes.length) * 8 / 6;
            if (to - from < MIN_BASE64_LENGTH) continue;
            String form = encoded.substring(from, to);
            forms.add(form);
            String urlSafe = form.replace('+', '-').replace('/', '_');
            if (!urlSafe.equals(form)) forms.add(urlSafe);
        }
        return forms;
    }

    /** Buffers a line, then writes it redacted. */
    private static final class LineRedactingStream extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRedactingStream(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') emit();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) write(b[i]);
        }

        @Override
        public synchronized void flush() {
            emit();
            out.flush();
        }

        @Override
        public synchronized void close() throws IOException {
            flush();
        }

        private void emit() {
            if (line.size() == 0) return;
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            out.print(forProcess().redact(text));
        }
    }
}
