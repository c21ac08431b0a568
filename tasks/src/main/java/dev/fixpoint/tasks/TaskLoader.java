package dev.fixpoint.tasks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fixpoint.tasks.env.EnvironmentResolver;
import dev.fixpoint.tasks.env.Resolution;
import dev.fixpoint.tasks.env.SpecFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads SWE-bench task files: a JSON array of rows, JSONL (one row a line), or rows exported from Hugging Face
 * (FAIL_TO_PASS / PASS_TO_PASS as JSON-encoded strings, or a datasets-server page {@code {"rows":[{"row":{...}}]}},
 * compact on one line or indented); also Multi-SWE-bench rows ({@code org}, {@code repo}, {@code number},
 * {@code base.sha}, {@code fix_patch}, {@code test_patch}, test maps; see {@link MultiSweBenchRow}). The format is
 * told from the content, not the file name. Field names are SWE-bench's; unknown fields are ignored; an optional
 * {@code environment} object describes where the tests run. A directory is read as its {@code .json} and
 * {@code .jsonl} files in name order (e.g. the pages of a {@link DatasetDownload}), instance ids unique across them.
 *
 * <p>Rows without an {@code environment} take theirs from an environment spec file ({@link SpecFile}): by default
 * {@code environments.yaml} next to the task file, when there is one; or the file given to {@link #withSpecs(Path)};
 * or none ({@link #withoutSpecs()}). A row whose repo and version have no entry keeps no environment (the CLI then
 * tries the built-in defaults, see {@link EnvironmentResolver}); an entry that does not fit the row is a problem of
 * the row.
 *
 * <p>A strict loader ({@link #strict()}) throws {@link InvalidTaskException} listing every bad row; a lenient one
 * ({@link #lenient()}) loads the valid rows and returns the problems alongside. A repeated instance_id is a problem
 * of the later row. Immutable and thread-safe.
 */
public final class TaskLoader {

    private static final ObjectMapper MAPPER = TasksJson.mapper();

    private final boolean skipInvalid;
    /** null: the task file's sibling spec file, if any. */
    private final Path specsFile;
    private final boolean specs;

    private TaskLoader(boolean skipInvalid) {
        this(skipInvalid, null, true);
    }

    private TaskLoader(boolean skipInvalid, Path specsFile, boolean specs) {
        this.skipInvalid = skipInvalid;
        this.specsFile = specsFile;
        this.specs = specs;
    }

    /** A copy taking environments from {@code file} instead of the task file's sibling {@code environments.yaml}. */
    public TaskLoader withSpecs(Path file) {
        return new TaskLoader(skipInvalid, java.util.Objects.requireNonNull(file, "specs file"), true);
    }

    /** A copy that leaves rows without an environment as they are (no spec file is read). */
    public TaskLoader withoutSpecs() {
        return new TaskLoader(skipInvalid, null, false);
    }

    /** A loader that fails on any invalid row. */
    public static TaskLoader strict() {
        return new TaskLoader(false);
    }

    /** A loader that skips invalid rows and reports them in {@link TaskLoadResult#problems()}. */
    public static TaskLoader lenient() {
        return new TaskLoader(true);
    }

    /** A loader that skips invalid rows or not. */
    public static TaskLoader skippingInvalid(boolean skipInvalid) {
        return new TaskLoader(skipInvalid);
    }

    public boolean skipsInvalid() {
        return skipInvalid;
    }

    /**
     * Loads a task file; problems name it by its file name.
     *
     * @throws TaskException        when the file cannot be read
     * @throws InvalidTaskException when a row is invalid and this loader does not skip invalid rows
     */
    public TaskLoadResult load(Path file) {
        return load(List.of(file));
    }

    /**
     * Loads task files (or directories of them, see above) as one set: instance ids are unique across them, and the
     * spec file is the one given, else the first file's sibling {@code environments.yaml}.
     *
     * @throws TaskException        when a file cannot be read, or no file is given
     * @throws InvalidTaskException when a row is invalid and this loader does not skip invalid rows
     */
    public TaskLoadResult load(List<Path> files) {
        if (files.isEmpty()) throw new TaskException("no task file given");
        EnvironmentResolver resolver = null;
        if (specs) {
            java.util.Optional<Path> specPath = specsFile != null ? java.util.Optional.of(specsFile)
                    : SpecFile.siblingOf(files.get(0));
            resolver = specPath.map(p -> EnvironmentResolver.of(SpecFile.load(p), null)).orElse(null);
        }
        Collector collector = new Collector(null, resolver);
        for (Path file : expand(files)) {
            collector.source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            try {
                Utf8Text text = Utf8Text.read(file);
                collector.decoded = text;
                read(new StringReader(text.text()), collector);
            } catch (NoSuchFileException e) {
                throw new TaskException("task file not found: " + file.toAbsolutePath());
            } catch (IOException | UncheckedIOException e) {
                throw new TaskException("cannot read task file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return finish(collector);
    }

    /** The files themselves, a directory as its .json and .jsonl files in name order. */
    private static List<Path> expand(List<Path> files) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isDirectory(f)) {
                out.add(f);
                continue;
            }
            try (java.util.stream.Stream<Path> listing = Files.list(f)) {
                List<Path> inside = listing.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString();
                    return !n.startsWith(".") && (n.endsWith(".json") || n.endsWith(".jsonl"));
                }).sorted().toList();
                if (inside.isEmpty()) {
                    throw new TaskException("task directory " + f.toAbsolutePath() + " holds no .json or .jsonl file");
                }
                out.addAll(inside);
            } catch (IOException e) {
                throw new TaskException("cannot list task directory " + f.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Loads task rows from text; {@code sourceName} names the source in problems. */
    public TaskLoadResult parse(String content, String sourceName) {
        try {
            return load(new StringReader(content), sourceName, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private TaskLoadResult load(Reader reader, String source, EnvironmentResolver resolver) throws IOException {
        Collector collector = new Collector(source, resolver);
        read(reader, collector);
        return finish(collector);
    }

    private TaskLoadResult finish(Collector collector) {
        if (!skipInvalid && !collector.problems.isEmpty()) {
            throw new InvalidTaskException(collector.problems);
        }
        return new TaskLoadResult(collector.tasks, collector.problems);
    }

    private static void read(Reader reader, Collector collector) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        collector.rowsInSource = 0;
        int first = peekFirstNonBlank(in);
        if (first == '[') {
            readJsonArray(in, collector);
        } else if (first == '{') {
            readJsonl(in, collector);
        } else if (first != -1) {
            collector.problem(1, "row", "not JSON or JSONL: expected '[' or '{', found '" + (char) first + "'");
        }
    }

    private static int peekFirstNonBlank(BufferedReader in) throws IOException {
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c == -1 || !Character.isWhitespace(c) && c != '\uFEFF') {
                in.reset();
                return c;
            }
        }
    }

    private static void readJsonl(BufferedReader in, Collector collector) throws IOException {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank() || collector.badBytes(number, number)) {
                continue;
            }
            JsonNode row;
            try {
                row = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                if (collector.rowsInSource == 0 && collector.problems.isEmpty()) {
                    readSingleDocument(line, in, number, collector);
                    return;
                }
                collector.problem(number, "row", "not a JSON object: " + e.getOriginalMessage());
                continue;
            }
            if (collector.rowsInSource == 0 && isRowsPage(row)) { // a compact datasets-server page: one line
                readRowsPage(row, number, collector);
                continue;
            }
            collector.row(number, row);
        }
    }

    private static void readJsonArray(BufferedReader in, Collector collector) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        try (JsonParser parser = factory.createParser(in)) {
            parser.nextToken(); // START_ARRAY
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    collector.problem(parser.currentLocation().getLineNr(), "row", "unterminated JSON array");
                    return;
                }
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode row = parser.readValueAsTree();
                if (!collector.badBytes(line, parser.currentLocation().getLineNr())) {
                    collector.row(line, row);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            collector.problem(Math.max(line, 0), "row", "malformed JSON: " + e.getOriginalMessage()
                    + " (rows after this point were not read)");
        }
    }

    /**
     * The first line is not a whole JSON value: the file is one multi-line JSON object, either a Hugging Face
     * datasets-server page or a single task row.
     */
    private static void readSingleDocument(String firstLine, BufferedReader in, int firstLineNumber,
            Collector collector) throws IOException {
        StringBuilder text = new StringBuilder(firstLine).append('\n');
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            text.append(buffer, 0, n);
        }
        JsonNode document;
        try {
            document = MAPPER.readTree(text.toString());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : firstLineNumber - 1 + e.getLocation().getLineNr();
            collector.problem(Math.max(line, firstLineNumber), "row", "malformed JSON: " + e.getOriginalMessage());
            return;
        }
        if (collector.badBytes(firstLineNumber, Integer.MAX_VALUE)) {
            return;
        }
        if (isRowsPage(document)) {
            readRowsPage(document, firstLineNumber, collector);
        } else {
            collector.row(firstLineNumber, document);
        }
    }

    private static boolean isRowsPage(JsonNode document) {
        return document.isObject() && document.path("rows").isArray() && !document.has("instance_id");
    }

    /**
     * A Hugging Face datasets-server page: {@code {"rows": [{"row_idx": 0, "row": {...}}, ...]}}; problems name a
     * row by its {@code row_idx} (its index in the split), else by its place in the page.
     */
    private static void readRowsPage(JsonNode page, int line, Collector collector) {
        String file = collector.source;
        int i = 0;
        for (JsonNode entry : page.get("rows")) {
            JsonNode row = entry.has("row") ? entry.get("row") : entry;
            collector.source = file + " (" + (entry.has("row_idx") ? "row_idx " + entry.get("row_idx").asText()
                    : "rows[" + i + "]") + ")";
            collector.row(line, row);
            i++;
        }
        collector.source = file;
    }

    /** Where an instance id was first seen. */
    private record Seen(String source, int line) {
        String where(String now) {
            if (source.equals(now)) return line > 0 ? " (first at line " + line + ")" : "";
            return " (first at " + (line > 0 ? source + ":" + line : source) + ")";
        }
    }

    /** Turns rows into tasks, remembering problems and instance ids seen. */
    private static final class Collector {
        String source;
        final List<Task> tasks = new ArrayList<>();
        final List<TaskProblem> problems = new ArrayList<>();
        final Map<String, Seen> seenAt = new HashMap<>();
        final EnvironmentResolver resolver;
        /** The current file's decoding, whose lines that were not valid UTF-8 are problems; null for text. */
        Utf8Text decoded;
        int rowsInSource;

        Collector(String source, EnvironmentResolver resolver) {
            this.source = source;
            this.resolver = resolver;
        }

        /**
         * Whether lines {@code from..to} (one row) hold bytes that are not UTF-8; if so each such line is a problem
         * and the row is skipped (its text is not what the file says).
         */
        boolean badBytes(int from, int to) {
            if (decoded == null || decoded.firstBadLine(from, to).isEmpty()) {
                return false;
            }
            decoded.problems().stream().filter(p -> p.getKey() >= from && p.getKey() <= to)
                    .forEach(p -> problem(p.getKey(), "row", p.getValue()));
            return true;
        }

        void problem(int line, String field, String message) {
            problems.add(new TaskProblem(source, line, field, message));
        }

        void row(int line, JsonNode row) {
            rowsInSource++;
            TaskRow parsed = MultiSweBenchRow.matches(row) ? MultiSweBenchRow.parse(row, source, line)
                    : TaskRow.parse(row, source, line);
            if (!parsed.problems().isEmpty()) {
                problems.addAll(parsed.problems());
                return;
            }
            Task task = parsed.task();
            Seen earlier = seenAt.putIfAbsent(task.instanceId(), new Seen(source, line));
            if (earlier != null) {
                problem(line, "instance_id", "duplicate instance_id " + task.instanceId() + earlier.where(source));
                return;
            }
            if (resolver != null && task.environment() == null) {
                Resolution r = resolver.resolve(task);
                if (r.resolved()) {
                    task = r.task();
                } else if (r.source() != Resolution.Source.NONE) {
                    problem(line, "environment", r.problem());
                    return;
                }
            }
            tasks.add(task);
        }
    }
}
