package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.JsonSnippet;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fixpoint.tasks.TaskException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An environment spec file: YAML mapping each repository ({@code owner/name}, as the tasks name it; case is
 * ignored) to entries keyed by version. A key is an exact version ({@code "3.0"}), a range ({@code ">=1.2,<2"}), or
 * {@code default}; a version entry inherits the fields it lacks from {@code default}. Lookup order: the exact
 * version, then the ranges in file order (the first that matches), then {@code default}.
 *
 * <pre>
 * django/django:
 *   default:
 *     base_image: fixpoint/python:latest
 *     packages: [libmemcached-dev]
 *     install: ["pip install --break-system-packages -e ."]
 *     test_command: "./tests/runtests.py --verbosity 2 --parallel 1 {test_directives}"
 *     result_format: django
 *     test_timeout_seconds: 1800
 *     env: {LANG: C.UTF-8}
 *   "&gt;=4.0,&lt;5":
 *     install: ["pip install --break-system-packages -e . 'asgiref&gt;=3.3'"]
 * </pre>
 *
 * Fields: {@code image} (an existing image, used as is), {@code base_image}, {@code workdir} (alias
 * {@code repo_path}), {@code packages}, {@code install}, {@code setup_commands}, {@code test_command},
 * {@code result_format} ({@code pytest_log}, {@code junit_xml}, {@code django}, {@code sympy}, ...: {@link ResultFormat}), {@code reports_dir},
 * {@code test_timeout_seconds}, {@code install_timeout_seconds}, {@code env} (variables every sandbox of the
 * task gets, also with {@code image}; only these reach the containers). See {@link EnvironmentEntry}.
 * Immutable.
 */
public final class SpecFile {

    /** The file name looked for next to a task file when no spec file is given. */
    public static final String SIBLING_NAME = "environments.yaml";
    /** Version key of a repository's fallback entry. */
    public static final String DEFAULT_KEY = "default";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("image", "base_image", "workdir", "repo_path", "packages",
            "install", "setup_commands", "test_command", "result_format", "reports_dir", "test_timeout_seconds",
            "install_timeout_seconds", "env");

    private final String source;
    private final Map<String, RepoEntries> repos;

    private SpecFile(String source, Map<String, RepoEntries> repos) {
        this.source = source;
        this.repos = Map.copyOf(repos);
    }

    /** What a lookup found: the entry (merged over the repo's default) and the keys it came from. */
    public record Match(EnvironmentEntry entry, String repoKey, String versionKey) {}

    private record Keyed(VersionPattern pattern, EnvironmentEntry entry) {}

    private record RepoEntries(String key, EnvironmentEntry fallback, List<Keyed> exact, List<Keyed> ranges) {}

    /**
     * Reads a spec file.
     *
     * @throws TaskException naming the file (and repo, version key and field) when it is missing or invalid
     */
    public static SpecFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TaskException("environment spec file not found: " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new TaskException("cannot read environment spec file " + file.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** The sibling spec file of a task file ({@value #SIBLING_NAME} in its directory), if there is one. */
    public static Optional<Path> siblingOf(Path tasksFile) {
        Path sibling = tasksFile.toAbsolutePath().resolveSibling(SIBLING_NAME);
        return Files.isRegularFile(sibling) ? Optional.of(sibling) : Optional.empty();
    }

    /**
     * Parses spec text; {@code source} names it in errors.
     *
     * @throws TaskException naming the source, repo, version key and field when the text is invalid
     */
    public static SpecFile parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TaskException("environment spec file " + source + " is not valid YAML: "
                    + e.getOriginalMessage() + (e.getLocation() == null ? "" : " (line "
                    + e.getLocation().getLineNr() + ")"), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new SpecFile(source, Map.of());
        }
        if (!root.isObject()) {
            throw new TaskException("environment spec file " + source
                    + " must map repositories (owner/name) to version entries, not: " + snippet(root));
        }
        Map<String, RepoEntries> repos = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> r : root.properties()) {
            String where = source + ": repo " + r.getKey();
            if (!r.getValue().isObject()) {
                throw new TaskException(where + ": must map version keys (\"3.0\", \">=1.2,<2\" or default) to"
                        + " entries, not: " + snippet(r.getValue()));
            }
            RepoEntries entries = repoEntries(r.getKey(), r.getValue(), where);
            if (repos.put(r.getKey().toLowerCase(Locale.ROOT), entries) != null) {
                throw new TaskException(where + ": repo listed twice (names are compared ignoring case)");
            }
        }
        return new SpecFile(source, repos);
    }

    private static RepoEntries repoEntries(String repo, JsonNode versions, String where) {
        EnvironmentEntry fallback = null;
        List<Keyed> exact = new ArrayList<>();
        List<Keyed> ranges = new ArrayList<>();
        for (Map.Entry<String, JsonNode> v : versions.properties()) {
            String at = where + " version " + v.getKey();
            EnvironmentEntry entry = entry(v.getValue(), at);
            if (v.getKey().trim().equalsIgnoreCase(DEFAULT_KEY) || v.getKey().trim().equals("*")) {
                fallback = entry;
                continue;
            }
            VersionPattern pattern;
            try {
                pattern = VersionPattern.parse(v.getKey());
            } catch (IllegalArgumentException e) {
                throw new TaskException(at + ": " + e.getMessage());
            }
            (pattern.isRange() ? ranges : exact).add(new Keyed(pattern, entry));
        }
        return new RepoEntries(repo, fallback, exact, ranges);
    }

    private static EnvironmentEntry entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new TaskException(where + ": must be a mapping of fields (base_image, test_command, ...), not: "
                    + snippet(node));
        }
        for (String field : iterable(node.fieldNames())) {
            if (!FIELDS.contains(field)) {
                throw new TaskException(where + ": unknown field \"" + field + "\" (known: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        if (node.has("workdir") && node.has("repo_path")) {
            throw new TaskException(where + ": give workdir or repo_path (the same thing), not both");
        }
        String workdir = text(node, node.has("repo_path") ? "repo_path" : "workdir", where);
        if (workdir != null && !workdir.startsWith("/")) {
            throw new TaskException(where + ": workdir must be an absolute path, not: " + workdir);
        }
        String testCommand = text(node, "test_command", where);
        List<String> unknown = CommandTemplate.unknownPlaceholders(testCommand);
        if (!unknown.isEmpty()) {
            throw new TaskException(where + ": test_command has unknown placeholder " + unknown.get(0) + " (known: "
                    + String.join(", ", CommandTemplate.NAMES.stream().sorted().map(n -> "{" + n + "}").toList())
                    + ")");
        }
        EnvironmentEntry entry = new EnvironmentEntry(text(node, "image", where), text(node, "base_image", where),
                workdir, list(node, "packages", where), list(node, "install", where),
                list(node, "setup_commands", where), testCommand, format(node, where),
                text(node, "reports_dir", where), seconds(node, "test_timeout_seconds", where),
                seconds(node, "install_timeout_seconds", where), env(node, where));
        if (entry.image() != null && entry.baseImage() != null) {
            throw new TaskException(where + ": give image (used as is) or base_image (built upon), not both");
        }
        return entry;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.isBinary()) {
            throw new TaskException(where + ": " + field + " must be a string, not: " + snippet(v));
        }
        if (v.asText().isBlank()) {
            throw new TaskException(where + ": " + field + " is blank");
        }
        return v.asText();
    }

    private static List<String> list(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new TaskException(where + ": " + field + " must be a list of strings, not: " + snippet(v));
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                throw new TaskException(where + ": " + field + " must be a list of non-blank strings, not: "
                        + snippet(v));
            }
            out.add(item.asText());
        }
        return out;
    }

    private static ResultFormat format(JsonNode node, String where) {
        String value = text(node, "result_format", where);
        if (value == null) {
            return null;
        }
        try {
            return ResultFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TaskException(where + ": result_format must be one of " + formatNames() + ", not: " + value);
        }
    }

    private static Duration seconds(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() <= 0) {
            throw new TaskException(where + ": " + field + " must be a positive whole number of seconds, not: "
                    + snippet(v));
        }
        return Duration.ofSeconds(v.asLong());
    }

    private static Map<String, String> env(JsonNode node, String where) {
        JsonNode v = node.get("env");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new TaskException(where + ": env must map variable names to values, not: " + snippet(v));
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new TaskException(where + ": env: not a variable name: " + e.getKey());
            }
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new TaskException(where + ": env " + e.getKey() + " must be a string, not: "
                        + snippet(e.getValue()));
            }
            env.put(e.getKey(), e.getValue().asText());
        }
        return env;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static String snippet(JsonNode v) {
        return JsonSnippet.of(v);
    }

    /** Every {@link ResultFormat} as spec files and task rows write it, comma-separated, for messages. */
    public static String formatNames() {
        return Arrays.stream(ResultFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** The file (or source) name, for messages. */
    public String source() {
        return source;
    }

    /** Whether the file has entries for {@code repo} (case ignored). */
    public boolean hasRepo(String repo) {
        return repos.containsKey(repo.toLowerCase(Locale.ROOT));
    }

    /** The version keys of {@code repo}, in file order (exact versions, then ranges, then default). */
    public List<String> versionKeys(String repo) {
        RepoEntries r = repos.get(repo.toLowerCase(Locale.ROOT));
        if (r == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        r.exact().forEach(k -> keys.add(k.pattern().text()));
        r.ranges().forEach(k -> keys.add(k.pattern().text()));
        if (r.fallback() != null) {
            keys.add(DEFAULT_KEY);
        }
        return keys;
    }

    /** The entry for a repo and version: exact version, else the first matching range, else default. */
    public Optional<Match> find(String repo, String version) {
        RepoEntries r = repos.get(repo.toLowerCase(Locale.ROOT));
        if (r == null) {
            return Optional.empty();
        }
        EnvironmentEntry fallback = r.fallback() == null ? EnvironmentEntry.EMPTY : r.fallback();
        for (List<Keyed> group : List.of(r.exact(), r.ranges())) {
            for (Keyed k : group) {
                if (k.pattern().matches(version)) {
                    return Optional.of(new Match(k.entry().over(fallback), r.key(), k.pattern().text()));
                }
            }
        }
        return r.fallback() == null ? Optional.empty() : Optional.of(new Match(r.fallback(), r.key(), DEFAULT_KEY));
    }

    @Override
    public String toString() {
        return "SpecFile[" + source + ", " + repos.size() + " repos]";
    }
}
