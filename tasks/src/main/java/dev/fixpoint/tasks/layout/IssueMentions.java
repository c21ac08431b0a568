package dev.fixpoint.tasks.layout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a problem statement names that may be code: paths ({@code sympy/printing/str.py}, traceback paths),
 * dotted module or class names ({@code sympy.parsing.latex}, {@code com.google.gson.Gson}) and identifiers
 * (words in backticks, {@code CamelCase}, {@code snake_case}, {@code name(}). Nothing here is checked against a
 * tree; {@link NearestTests} keeps what resolves.
 *
 * @param paths       path-like words, without {@code ./}, {@code a/}, {@code b/} or a leading {@code /}
 * @param modules     dotted names as paths ({@code sympy/parsing/latex}), without extension
 * @param identifiers code-like words, in order of first appearance
 */
public record IssueMentions(List<String> paths, List<String> modules, List<String> identifiers) {

    private static final Pattern URL = Pattern.compile("\\b[a-z]+://\\S+");
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w.])(/?[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+|[A-Za-z0-9_-]+\\.(?:py|pyi|pyx|java))\\b");
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w./])([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern BACKTICKS = Pattern.compile("`([^`\\n]{1,200})`");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CAMEL = Pattern.compile("\\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\\b|\\b[a-z]+[A-Z][A-Za-z0-9]*\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\\b");
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Set<String> NOT_NAMES = Set.of("def", "class", "import", "from", "return", "self", "cls",
            "None", "True", "False", "lambda", "print", "assert", "raise", "len", "range", "list", "dict", "int",
            "float", "type", "isinstance", "super", "the", "and", "for", "not", "new", "null", "public", "void",
            "static", "final", "String", "Object", "Exception", "Error", "Traceback", "File", "line", "python3",
            "python", "java", "main", "test", "tests");
    private static final Set<String> FILE_EXTENSIONS = Set.of("py", "pyi", "pyx", "java", "txt", "md", "rst", "cfg",
            "toml", "json", "yaml", "yml", "xml", "html", "js", "c", "h", "so", "org", "com", "io");

    public IssueMentions {
        paths = List.copyOf(paths);
        modules = List.copyOf(modules);
        identifiers = List.copyOf(identifiers);
    }

    /** The mentions in {@code text} (a problem statement); empty lists for blank text. */
    public static IssueMentions of(String text) {
        String t = URL.matcher(text == null ? "" : text).replaceAll(" ");
        Set<String> paths = new LinkedHashSet<>();
        Matcher p = PATH.matcher(t);
        while (p.find()) {
            String path = normalize(p.group(1));
            if (!path.isEmpty() && !path.contains("//")) paths.add(path);
        }
        Set<String> modules = new LinkedHashSet<>();
        Matcher d = DOTTED.matcher(t);
        while (d.find()) {
            String dotted = d.group(1);
            String last = dotted.substring(dotted.lastIndexOf('.') + 1);
            if (dotted.split("\\.").length == 2 && FILE_EXTENSIONS.contains(last)) continue; // a file name
            modules.add(dotted.replace('.', '/'));
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher b = BACKTICKS.matcher(t);
        while (b.find()) {
            Matcher w = WORD.matcher(b.group(1));
            while (w.find()) {
                // \\frac in a LaTeX string is no name of code
                if (w.start() == 0 || b.group(1).charAt(w.start() - 1) != '\\') addName(ids, w.group());
            }
        }
        for (Pattern pattern : List.of(CAMEL, SNAKE)) {
            Matcher m = pattern.matcher(t);
            while (m.find()) addName(ids, m.group());
        }
        Matcher c = CALL.matcher(t);
        while (c.find()) addName(ids, c.group(1));
        return new IssueMentions(List.copyOf(paths), List.copyOf(modules), List.copyOf(ids));
    }

    /** Whether nothing was found. */
    public boolean isEmpty() {
        return paths.isEmpty() && modules.isEmpty() && identifiers.isEmpty();
    }

    private static void addName(Set<String> ids, String word) {
        if (word.length() >= 3 && !NOT_NAMES.contains(word) && !word.chars().allMatch(Character::isDigit)) ids.add(word);
    }

    private static String normalize(String path) {
        String p = path;
        while (p.startsWith("/")) p = p.substring(1);
        if (p.startsWith("./")) p = p.substring(2);
        if ((p.startsWith("a/") || p.startsWith("b/")) && p.length() > 2) p = p.substring(2);
        while (p.endsWith("/") || p.endsWith(".")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
