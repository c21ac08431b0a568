package dev.fixpoint.solver.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each top-level option of a config file is, so that an error names {@code FILE:LINE:}; an option a flag set
 * is named as the flag's, a config without a file as {@code config}.
 */
final class ConfigLines {

    static final ConfigLines NONE = new ConfigLines(null, Map.of(), Set.of());

    private final Path file;
    private final Map<String, Integer> lines;
    private final Set<String> flags;

    private ConfigLines(Path file, Map<String, Integer> lines, Set<String> flags) {
        this.file = file;
        this.lines = lines;
        this.flags = flags;
    }

    /** The lines of the top-level keys of {@code text}; none when it does not parse (the YAML error says where). */
    static ConfigLines of(Path file, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = ConfigLoader.YAML.getFactory().createParser(text)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) depth++;
                else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) depth--;
                else if (t == JsonToken.FIELD_NAME && depth == 1) lines.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // not YAML: reading the tree reports it with its line
        }
        return new ConfigLines(file, Map.copyOf(lines), Set.of());
    }

    /** A copy knowing that {@code key} was set by a flag (its value is the flag's, not the file's). */
    ConfigLines overriddenByFlag(String key) {
        Set<String> f = new HashSet<>(flags);
        f.add(key);
        return new ConfigLines(file, lines, Set.copyOf(f));
    }

    /** The prefix of an error about {@code key} (null: the config as a whole): "FILE:LINE: ", "the flag setting KEY: " or "config: ". */
    String at(String key) {
        if (key != null && flags.contains(key)) return "the flag setting " + key + ": ";
        if (file == null) return "config: ";
        Integer line = key == null ? null : lines.get(key);
        return file + (line == null ? "" : ":" + line) + ": ";
    }
}
