package dev.fixpoint.tasks.layout;

import dev.fixpoint.tasks.TaskException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The repository's test files ranked by how near they are to the code a problem statement names. The names
 * ({@link IssueMentions}) are first resolved against the tree into targets: files and packages the statement
 * names by path or dotted name, source files whose name is a mentioned identifier, and (when the files can be read)
 * source files that define a mentioned identifier at top level. The project's own name is no identifier. A test file then scores
 * for its best target: a test of the same name ({@code test_str.py} or {@code StrTest.java} for {@code str.py})
 * in or under the target's package (or in a top-level {@code tests/}) most, then one in the same package (a Python test's package is its directory without a trailing
 * {@code tests}/{@code test}; a Java test under {@code src/test/java} tests the package under
 * {@code src/main/java}), then one sharing a longer directory prefix. A test named like a mentioned identifier
 * scores too; test files in a test directory get one point, so without any mention they come before stray ones
 * such as {@code bin/test_executable.py}. Ties go to the shorter, then alphabetically first, path.
 */
public final class NearestTests {

    /** Score of a test named like a target ({@code test_str.py} for {@code str.py}) in or under its package. */
    static final int SAME_NAME = 100;
    /** Score of a test named like a target elsewhere (a coincidence as often as not: printing's vs parsing's latex). */
    static final int SAME_NAME_ELSEWHERE = 30;
    /** Score of a test in a target's package. */
    static final int SAME_PACKAGE = 40;
    /** Score per leading directory a test's package shares with a target's. */
    static final int PER_SHARED_DIR = 8;
    /** Score of a test named like a mentioned identifier. */
    static final int NAMED_IDENTIFIER = 30;
    /** Most files one mention may resolve to; a name found in more places says little. */
    static final int MAX_RESOLVED = 3;
    /** Most identifiers looked up as definitions in the source files (each costs a pass over the sources' text). */
    static final int MAX_SEARCHED_IDENTIFIERS = 20;

    /**
     * One test file and why it ranks where it does.
     *
     * @param path   repository-relative path
     * @param score  higher is nearer; 0 means nothing relates it to the issue
     * @param reason what related it, e.g. {@code same package as sympy/printing/str.py; named like str.py}
     */
    public record Ranked(String path, int score, String reason) {

        /** Whether more than a shared top-level directory relates it to the issue (a package, a name, a deeper path). */
        public boolean related() {
            return score > PER_SHARED_DIR + 1;
        }
    }

    /**
     * A file or package the issue names, resolved in the tree; {@code weight} (percent) says how surely: a path or
     * module named outright 100, a file named like an identifier 90, a file defining an identifier 75.
     */
    private record Target(String path, String dir, String stem, List<String> packages, int weight) {
        Target withWeight(int w) {
            return new Target(path, dir, stem, packages, w);
        }
    }

    private static final int NAMED = 100, NAMED_LIKE_IDENTIFIER = 90, DEFINES_IDENTIFIER = 75;

    private NearestTests() {}

    /**
     * Every test file of the checkout at {@code root} ({@link RepoFiles#list}), nearest first. Reads the source files
     * too, so that an identifier the issue names also resolves to the files that define it at top level
     * ({@code def convert_to} in {@code units/util.py}, {@code class JsonReader} in Java).
     */
    public static List<Ranked> rank(Path root, String problemStatement) {
        return rank(RepoFiles.list(root), IssueMentions.of(problemStatement), path -> {
            try {
                // Replacement characters for undecodable bytes: only declarations are looked for.
                return new String(Files.readAllBytes(root.resolve(path)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TaskException("cannot read " + path + " under " + root + " to rank tests: " + e.getMessage(), e);
            }
        });
    }

    /** Every test file of {@code files} (relative paths of the whole tree), nearest first; no file is read. */
    public static List<Ranked> rank(Collection<String> files, String problemStatement) {
        return rank(files, IssueMentions.of(problemStatement), null);
    }

    /**
     * Every test file of {@code files}, nearest first to what {@code mentions} names.
     *
     * @param source the text of a file of the tree, for finding where identifiers are defined; null to skip that
     */
    public static List<Ranked> rank(Collection<String> files, IssueMentions mentions, Function<String, String> source) {
        List<String> all = List.copyOf(new TreeSet<>(files));
        Set<String> topLevel = new HashSet<>();
        all.forEach(f -> topLevel.add(f.contains("/") ? f.substring(0, f.indexOf('/')).toLowerCase(Locale.ROOT) : ""));
        // The project's own name (SymPy for sympy/) names no particular code.
        List<String> identifiers = mentions.identifiers().stream().filter(id -> !topLevel.contains(id.toLowerCase(Locale.ROOT))).toList();
        mentions = new IssueMentions(mentions.paths(), mentions.modules(), identifiers);
        List<Target> targets = targets(all, mentions, source);
        List<Ranked> ranked = new ArrayList<>();
        for (String f : all) {
            if (isTestFile(f)) ranked.add(score(f, targets, mentions.identifiers()));
        }
        ranked.sort(Comparator.comparingInt(Ranked::score).reversed()
                .thenComparingInt(r -> r.path().length()).thenComparing(Ranked::path));
        return List.copyOf(ranked);
    }

    /** Test files by the usual names: {@code test_*.py}, {@code *_test.py}, {@code *Test.java}, {@code *Tests.java}. */
    public static boolean isTestFile(String path) {
        String name = name(path);
        return name.startsWith("test_") && name.endsWith(".py") || name.endsWith("_test.py")
                || name.endsWith("Test.java") || name.endsWith("Tests.java");
    }

    /** The files and packages the mentions name, as found in the tree. */
    private static List<Target> targets(List<String> files, IssueMentions mentions, Function<String, String> source) {
        Set<String> dirs = new HashSet<>();
        for (String f : files) {
            for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) dirs.add(f.substring(0, i));
        }
        Map<String, Target> out = new LinkedHashMap<>();
        for (String p : mentions.paths()) resolve(p, files, dirs).forEach(t -> out.putIfAbsent(t.path(), t));
        for (String m : mentions.modules()) {
            // sympy/parsing/latex/parse_latex -> try the whole, then without the last one or two parts
            String q = m;
            for (int strip = 0; strip <= 2 && !q.isEmpty(); strip++) {
                List<Target> found = new ArrayList<>();
                for (String candidate : List.of(q + ".py", q + ".java", q)) found.addAll(resolve(candidate, files, dirs));
                if (!found.isEmpty()) {
                    found.forEach(t -> out.putIfAbsent(t.path(), t));
                    break;
                }
                q = q.contains("/") ? q.substring(0, q.lastIndexOf('/')) : "";
            }
        }
        List<String> sources = files.stream().filter(f -> (f.endsWith(".py") || f.endsWith(".java")) && !isTestFile(f)).toList();
        List<String> unresolved = new ArrayList<>();
        for (String id : mentions.identifiers()) {
            List<String> named = sources.stream().filter(f -> stem(f).equalsIgnoreCase(id)).toList();
            if (!named.isEmpty() && named.size() <= MAX_RESOLVED) {
                named.forEach(f -> out.putIfAbsent(f, fileTarget(f).withWeight(NAMED_LIKE_IDENTIFIER)));
            }
            else if (named.isEmpty() && unresolved.size() < MAX_SEARCHED_IDENTIFIERS) unresolved.add(id);
        }
        definers(sources, unresolved, source).forEach(f -> out.putIfAbsent(f, fileTarget(f).withWeight(DEFINES_IDENTIFIER)));
        return List.copyOf(out.values());
    }

    /** Source files defining one of {@code ids} at top level, for each id found in at most {@link #MAX_RESOLVED} files. */
    private static List<String> definers(List<String> sources, List<String> ids, Function<String, String> source) {
        if (ids.isEmpty() || source == null) return List.of();
        Map<String, Pattern> python = new LinkedHashMap<>(), java = new LinkedHashMap<>();
        for (String id : ids) {
            python.put(id, Pattern.compile("(?m)^(?:async\\s+)?(?:def|class)\\s+" + Pattern.quote(id) + "\\b"));
            java.put(id, Pattern.compile("\\b(?:class|interface|enum|record)\\s+" + Pattern.quote(id) + "\\b"));
        }
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String f : sources) {
            Map<String, Pattern> patterns = f.endsWith(".py") ? python : java;
            String t = source.apply(f);
            for (String id : ids) {
                if (t.contains(id) && patterns.get(id).matcher(t).find()) found.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
            }
        }
        List<String> out = new ArrayList<>();
        found.values().stream().filter(l -> l.size() <= MAX_RESOLVED).forEach(out::addAll);
        return out;
    }

    /** A mentioned path as files or directories of the tree: exact, or by suffix (traceback or partial paths). */
    private static List<Target> resolve(String mention, List<String> files, Set<String> dirs) {
        if (mention.isEmpty()) return List.of();
        if (files.contains(mention)) return List.of(fileTarget(mention));
        if (dirs.contains(mention)) return List.of(dirTarget(mention));
        List<Target> found = new ArrayList<>();
        for (String f : files) {
            if (mention.endsWith("/" + f) || f.endsWith("/" + mention)) found.add(fileTarget(f));
        }
        if (found.isEmpty()) {
            for (String d : dirs) {
                if (mention.endsWith("/" + d) || d.endsWith("/" + mention)) found.add(dirTarget(d));
            }
        }
        return found.size() <= MAX_RESOLVED ? found : List.of();
    }

    private static Target fileTarget(String f) {
        String stem = isTestFile(f) ? testStem(f) : stem(f);
        String dir = isTestFile(f) ? subjectDir(f) : parent(f);
        return new Target(f, dir, stem, List.of(dir), NAMED);
    }

    /** A package: tests of it sit in it ({@code latex/tests}) or beside it ({@code parsing/tests/test_latex.py}). */
    private static Target dirTarget(String d) {
        return new Target(d + "/", d, name(d), List.of(d, parent(d)), NAMED);
    }

    private static Ranked score(String test, List<Target> targets, List<String> identifiers) {
        String subject = subjectDir(test);
        String tstem = testStem(test);
        int best = 0;
        String why = "";
        for (Target t : targets) {
            int s = 0;
            List<String> reasons = new ArrayList<>();
            boolean samePackage = t.packages().contains(subject);
            if (samePackage) {
                s += SAME_PACKAGE;
                reasons.add("same package as " + t.path());
            }
            int shared = shared(subject, t.dir());
            if (shared > 0) {
                s += PER_SHARED_DIR * shared;
                if (reasons.isEmpty()) reasons.add("shares " + prefix(subject, shared) + "/ with " + t.path());
            }
            if (tstem.equalsIgnoreCase(t.stem())) {
                boolean near = samePackage || subject.startsWith(t.dir() + "/") || t.dir().isEmpty() || subject.isEmpty();
                s += near ? SAME_NAME : SAME_NAME_ELSEWHERE;
                reasons.add("named like " + name(t.path().endsWith("/") ? t.dir() : t.path()));
            }
            s = s * t.weight() / 100;
            if (s > best) {
                best = s;
                why = String.join("; ", reasons);
            }
        }
        for (String id : identifiers) {
            if (tstem.equalsIgnoreCase(id)) {
                best += NAMED_IDENTIFIER;
                why = why.isEmpty() ? "named like `" + id + "`" : why + "; named like `" + id + "`";
                break;
            }
        }
        if (inTestDirectory(test)) best += 1;
        return new Ranked(test, best, why);
    }

    /** The directory a test file tests: Python's without a trailing tests/test, Java's src/test as src/main. */
    static String subjectDir(String test) {
        String dir = parent(test);
        if (test.endsWith(".java")) {
            int i = dir.indexOf("src/test/");
            return i >= 0 ? dir.substring(0, i) + "src/main/" + dir.substring(i + "src/test/".length()) : dir;
        }
        for (String t : List.of("tests", "test")) {
            if (dir.equals(t)) return "";
            if (dir.endsWith("/" + t)) return dir.substring(0, dir.length() - t.length() - 1);
        }
        return dir;
    }

    /** {@code test_str.py}, {@code str_test.py} -> {@code str}; {@code GsonTest.java} -> {@code Gson}. */
    static String testStem(String test) {
        String s = stem(test);
        if (test.endsWith(".py")) {
            if (s.startsWith("test_")) return s.substring(5);
            return s.endsWith("_test") ? s.substring(0, s.length() - 5) : s;
        }
        if (s.endsWith("Tests")) return s.substring(0, s.length() - 5);
        return s.endsWith("Test") ? s.substring(0, s.length() - 4) : s;
    }

    private static boolean inTestDirectory(String path) {
        for (String part : path.split("/")) {
            if (part.equals("tests") || part.equals("test") || part.equals("testing")) return true;
        }
        return false;
    }

    private static int shared(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        String[] x = a.split("/"), y = b.split("/");
        int n = 0;
        while (n < x.length && n < y.length && x[n].equals(y[n])) n++;
        return n;
    }

    private static String prefix(String dir, int parts) {
        return String.join("/", List.of(dir.split("/")).subList(0, parts));
    }

    private static String name(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    private static String stem(String path) {
        String n = name(path);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i);
    }
}
