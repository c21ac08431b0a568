package dev.fixpoint.solver.report;

import dev.fixpoint.models.Redactor;
import dev.fixpoint.solver.SolverException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Task detail blobs as the page stores them: base64 of gzip of the JSON. Trajectories compress several times over, the
 * page's parser only skips the base64 text, and the page's script inflates a blob with the browser's own
 * {@code DecompressionStream} when its task is opened. Base64's alphabet cannot close a script element.
 */
final class Blobs {

    static final String TYPE = "application/x-fixpoint-gzip-base64";

    private Blobs() {}

    /** The blob of {@code json}, its secrets redacted first (the page's writer cannot see inside the gzip). */
    static String encode(String json) {
        json = Redactor.forProcess().redact(json);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 8192)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SolverException("cannot compress a task's page data: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
