package dev.fixpoint.solver.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

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
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private ConfigLoader() {}

    /** The config file to read, or null. */
    public static Path locate(Path flag, Map<String, String> env) {
        if (flag != null) {
            if (!Files.isRegularFile(flag)) throw new ConfigException("--config: file not found: " + flag.toAbsolutePath());
            return flag;
        }
        String e = env.get(ENV);
        if (e != null && !e.isBlank()) {
            Path p = Path.of(e);
            if (!Files.isRegularFile(p)) throw new ConfigException(ENV + " names a file that does not exist: " + p.toAbsolutePath());
            return p;
        }
        Path local = Path.of("fixpoint.yaml");
        return Files.isRegularFile(local) ? local : null;
    }

    /**
     * The file's settings with {@code overrides} (snake_case key -> value; null values are ignored) on top.
     *
     * @throws ConfigException naming the file, the line and the bad key or value
     */
    public static FixpointConfig load(Path file, Map<String, Object> overrides) {
        ObjectNode tree = YAML.createObjectNode();
        ConfigLines lines = ConfigLines.NONE;
        if (file != null) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new ConfigException("cannot read config " + file + ": " + e.getMessage(), e);
            }
            lines = ConfigLines.of(file, text);
            try {
                JsonNode read = YAML.readTree(text);
                if (read != null && !read.isNull() && !read.isMissingNode()) {
                    if (!read.isObject()) throw new ConfigException(file + ": the config must be a YAML mapping of options");
                    tree = (ObjectNode) read;
                }
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new ConfigException(file + (line > 0 ? ":" + line : "") + ": not valid YAML: " + e.getOriginalMessage(), e);
            }
        }
        for (var e : overrides.entrySet()) {
            if (e.getValue() != null) {
                tree.set(e.getKey(), YAML.valueToTree(e.getValue()));
                lines = lines.overriddenByFlag(e.getKey());
            }
        }
        try {
            return YAML.treeToValue(tree, FixpointConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(lines.at(e.getPropertyName()) + "unknown option '" + e.getPropertyName()
                    + "' (run `fixpoint config show` for every option)", e);
        } catch (MismatchedInputException e) {
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            if (key == null) throw new ConfigException(lines.at(null) + firstLine(e.getOriginalMessage()), e);
            throw new ConfigException(lines.at(key) + key + " must be " + expected(e.getTargetType()) + ", not "
                    + tree.get(key), e);
        } catch (IOException | IllegalArgumentException e) {
            String msg = e.getMessage();
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            if (root instanceof IllegalArgumentException) msg = root.getMessage();
            msg = firstLine(msg);
            String key = msg.split(" ", 2)[0];
            throw new ConfigException(lines.at(tree.has(key) ? key : null) + msg, e);
        }
    }

    private static String firstLine(String msg) {
        return msg == null ? "invalid" : msg.lines().findFirst().orElse(msg);
    }

    /** What a value of {@code type} looks like, as an error message says it. */
    private static String expected(Class<?> type) {
        if (type == null) return "of another type";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Double.class || type == double.class || java.math.BigDecimal.class.isAssignableFrom(type)) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (java.util.Collection.class.isAssignableFrom(type)) return "a list";
        return "a " + type.getSimpleName();
    }

    /** The merged config as YAML, with the state (never the value) of the secrets it names. */
    public static String show(FixpointConfig config, Path file, Map<String, String> env) {
        ObjectNode n = YAML.valueToTree(config);
        ObjectNode secrets = n.putObject("secrets (from the environment)");
        for (String var : Secrets.variables(config)) secrets.put(var, Secrets.mask(env.get(var)));
        try {
            return "# config file: " + (file == null ? "(none: defaults and flags)" : file.toAbsolutePath()) + "\n" + YAML.writeValueAsString(n);
        } catch (IOException e) {
            throw new ConfigException("cannot print the config: " + e.getMessage(), e);
        }
    }
}
