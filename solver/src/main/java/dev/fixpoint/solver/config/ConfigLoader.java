package dev.fixpoint.solver.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.fixpoint.solver.SolverException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the YAML config file and merges flags over it. The file is {@code --config FILE}, else
 * {@code $FIXPOINT_CONFIG}, else {@code ./fixpoint.yaml} when it exists; no file means defaults.
 */
public final class ConfigLoader {

    public static final String ENV = "FIXPOINT_CONFIG";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigLoader() {}

    /** The config file to read, or null. */
    public static Path locate(Path flag, Map<String, String> env) {
        if (flag != null) {
            if (!Files.isRegularFile(flag)) throw new SolverException("--config: file not found: " + flag.toAbsolutePath());
            return flag;
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            Path p = Path.of(e);
            if (!Files.isRegularFile(p)) throw new SolverException(ENV + " names a file that does not exist: " + p.toAbsolutePath());
            return p;
        }
        Path local = Path.of("fixpoint.yaml");
        return Files.isRegularFile(local) ? local : null;
    }

    /**
     * The file's settings with {@code overrides} (snake_case key -> value; null values are ignored) on top.
     *
     * @throws SolverException naming the file and the bad key or value
     */
    public static FixpointConfig load(Path file, Map<String, Object> overrides) {
        ObjectNode tree = YAML.createObjectNode();
        if (file != null) {
            try {
                JsonNode read = YAML.readTree(Files.readString(file));
                if (read != null && !read.isNull() && !read.isMissingNode()) {
                    if (!read.isObject()) throw new SolverException(file + ": the config must be a YAML mapping of options");
                    tree = (ObjectNode) read;
                }
            } catch (IOException e) {
                throw new SolverException("cannot read config " + file + ": " + e.getMessage(), e);
            }
        }
        for (var e : overrides.entrySet()) {
            if (e.getValue() != null) tree.set(e.getKey(), YAML.valueToTree(e.getValue()));
        }
        try {
            return YAML.treeToValue(tree, FixpointConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new SolverException((file == null ? "config" : file.toString()) + ": unknown option '" + e.getPropertyName()
                    + "' (run `fixpoint config show` for every option)", e);
        } catch (IOException | IllegalArgumentException e) {
            String msg = e.getMessage();
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            if (root instanceof IllegalArgumentException) msg = root.getMessage();
            throw new SolverException((file == null ? "config" : file.toString()) + ": " + msg.lines().findFirst().orElse(msg), e);
        }
    }

    /** The merged config as YAML, with the state (never the value) of the secrets it names. */
    public static String show(FixpointConfig config, Path file, Map<String, String> env) {
        ObjectNode n = YAML.valueToTree(config);
        ObjectNode secrets = n.putObject("secrets (from the environment)");
        for (String var : Secrets.variables(config)) secrets.put(var, Secrets.mask(env.get(var)));
        try {
            return "# config file: " + (file == null ? "(none: defaults and flags)" : file.toAbsolutePath()) + "\n" + YAML.writeValueAsString(n);
        } catch (IOException e) {
            throw new SolverException("cannot print the config: " + e.getMessage(), e);
        }
    }
}
