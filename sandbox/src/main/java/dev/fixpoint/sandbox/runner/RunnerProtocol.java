package dev.fixpoint.sandbox.runner;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The wire format between Java and {@code runner.sh}: requests written to the runner's stdin, and the tokens
 * that mark where each command's output begins and ends on stdout and stderr (see the comment in runner.sh).
 */
public final class RunnerProtocol {

    /** Token prefix: '§' (0xC2 0xA7 in UTF-8) is rare in command output, so scanning for it is cheap. */
    private static final String TOKEN_PREFIX = "\u00a7fxp";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RunnerProtocol() {}

    /** A fresh random token for one request; it never appears in a command by chance. */
    public static String newToken() {
        byte[] b = new byte[10];
        RANDOM.nextBytes(b);
        return TOKEN_PREFIX + HexFormat.of().formatHex(b);
    }

    /**
     * The exec request: stdin bytes (staged by the runner into a file), the prelude (cd and exports, evaluated
     * in the command's subshell) and the command, each block closed by a line holding only the token.
     */
    public static byte[] execRequest(String token, String command, byte[] stdin, Map<String, String> env, String workdir) {
        if (command.contains("\n" + token) || command.startsWith(token)) {
            throw new IllegalStateException("token collision, retry with another token");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(command.length() + stdin.length + 128);
        write(out, "x " + token + " " + stdin.length + "\n");
        if (stdin.length > 0) {
            out.writeBytes(stdin);
            write(out, "\ns " + token + "\n");
        }
        write(out, prelude(env, workdir));
        write(out, token + "\n");
        write(out, command.endsWith("\n") ? command : command + "\n");
        write(out, token + "\n");
        return out.toByteArray();
    }

    public static byte[] quitRequest() {
        return "q\n".getBytes(StandardCharsets.UTF_8);
    }

    /** Shell lines run in the command's subshell before the command: change directory, export variables. */
    public static String prelude(Map<String, String> env, String workdir) {
        StringBuilder sb = new StringBuilder();
        if (workdir != null) {
            sb.append("cd -- ").append(quote(workdir)).append(" || exit 126\n");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("not a valid environment variable name: " + e.getKey());
            }
            sb.append("export ").append(e.getKey()).append('=').append(quote(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /** Single-quotes a string for sh: safe for any content, newlines included. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
