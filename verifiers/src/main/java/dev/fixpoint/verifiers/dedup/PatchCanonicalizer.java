package dev.fixpoint.verifiers.dedup;

import com.google.common.hash.Hashing;
import dev.fixpoint.tasks.git.AppliedFile;
import dev.fixpoint.tasks.git.FileDiff;
import dev.fixpoint.tasks.git.Hunk;
import dev.fixpoint.tasks.git.ParsedPatch;
import dev.fixpoint.tasks.git.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reduces a unified diff to a {@link CanonicalPatch}. Normalisation ignores what does not change behaviour:
 * whitespace and blank lines, comments ({@code #} in Python; {@code //} and {@code /* *\/} in Java and other
 * C-like languages), hunk line numbers and context width, file order, and changes that cancel out.
 *
 * <p>With base files, each changed file is patched and its whole post-image is compared: Java files by
 * javaparser syntax tree without comments (so re-wrapped or re-commented code is equal), others by normalised
 * text. Files whose normalised post-image equals the base's drop out. Without base files only the changed
 * lines of each hunk are compared, which also tolerates the patches being made against shifted line numbers,
 * but cannot see that two edits at different places produce the same tree.
 *
 * <p>Stateless and thread-safe.
 */
public final class PatchCanonicalizer {

    private static final Logger log = LoggerFactory.getLogger(PatchCanonicalizer.class);
    private static final String DELETED = "\u0000deleted";

    public CanonicalPatch canonicalize(String patch, BaseFiles base) {
        if (patch == null || patch.isBlank()) {
            return new CanonicalPatch(PatchState.EMPTY, CanonicalPatch.EMPTY_KEY, List.of(), List.of());
        }
        ParsedPatch diff = Patch.read(patch);
        if (!diff.ok()) {
            return new CanonicalPatch(PatchState.MALFORMED, "malformed:" + sha256(patch), List.of(), diff.problems());
        }
        if (diff.patch().isEmpty()) {
            return new CanonicalPatch(PatchState.EMPTY, CanonicalPatch.EMPTY_KEY, List.of(), List.of());
        }
        if (base.available()) {
            CanonicalPatch applied = byPostImage(diff.patch(), base);
            if (applied.state() != PatchState.DOES_NOT_APPLY) {
                return applied;
            }
            TreeMap<String, String> textual = byChangedLines(diff.patch());
            return new CanonicalPatch(PatchState.DOES_NOT_APPLY, "unapplied:" + digest(textual),
                    List.copyOf(textual.keySet()), applied.problems());
        }
        TreeMap<String, String> textual = byChangedLines(diff.patch());
        return textual.isEmpty() ? noEffect()
                : new CanonicalPatch(PatchState.UNCHECKED, digest(textual), List.copyOf(textual.keySet()), List.of());
    }

    private static CanonicalPatch byPostImage(Patch patch, BaseFiles base) {
        TreeMap<String, String> canonical = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (FileDiff file : patch.diffs()) {
            Optional<String> before = file.isNewFile() ? Optional.empty() : base.read(file.oldPath());
            if (file.binary()) {
                canonical.put(file.path(), "\u0000binary");
                continue;
            }
            AppliedFile result = file.applyTo(before);
            if (!result.applied()) {
                problems.add(result.problem());
                continue;
            }
            String after = result.postImage().map(text -> normalise(file.path(), text)).orElse(DELETED);
            boolean renamed = file.oldPath() != null && file.newPath() != null && !file.oldPath().equals(file.newPath());
            String was = before.map(text -> normalise(file.oldPath(), text)).orElse(DELETED);
            if (renamed || !after.equals(was)) {
                canonical.put(file.path(), after);
            }
            if (renamed) {
                canonical.put(file.oldPath(), DELETED);
            }
        }
        if (!problems.isEmpty()) {
            log.debug("patch does not apply: {}", problems);
            return new CanonicalPatch(PatchState.DOES_NOT_APPLY, "unapplied", List.of(), problems);
        }
        return canonical.isEmpty() ? noEffect()
                : new CanonicalPatch(PatchState.APPLIES, digest(canonical), List.copyOf(canonical.keySet()), List.of());
    }

    /** Whole-file canonical text: javaparser for Java that parses, the lexer-based normaliser otherwise. */
    static String normalise(String path, String text) {
        Language language = Language.of(path);
        if (language == Language.JAVA) {
            Optional<String> tree = JavaSyntax.canonical(text);
            if (tree.isPresent()) {
                return "ast:" + tree.get();
            }
            log.debug("{}: does not parse as Java; comparing normalised text", path);
        }
        return "text:" + CanonicalText.of(language, CommentStripper.strip(text, language, false));
    }

    /** Per file, the normalised removed and added lines of each hunk that changes more than layout. */
    private static TreeMap<String, String> byChangedLines(Patch patch) {
        TreeMap<String, String> canonical = new TreeMap<>();
        for (FileDiff file : patch.diffs()) {
            if (file.binary()) {
                canonical.put(file.path(), "\u0000binary");
                continue;
            }
            Language language = Language.of(file.path());
            StringBuilder changes = new StringBuilder();
            for (Hunk hunk : file.hunks()) {
                String removed = changedLines(hunk, '-', language);
                String added = changedLines(hunk, '+', language);
                if (!removed.equals(added)) {
                    changes.append("-").append(removed).append("\n+").append(added).append('\n');
                }
            }
            if (file.isDeletion()) {
                changes.append(DELETED);
            }
            boolean renamed = file.oldPath() != null && file.newPath() != null && !file.oldPath().equals(file.newPath());
            if (renamed) {
                canonical.put(file.oldPath(), DELETED);
            }
            if (!changes.isEmpty() || renamed || file.isNewFile()) {
                canonical.put(file.path(), changes.toString());
            }
        }
        return canonical;
    }

    /**
     * The normalised lines of one side of a hunk. The side's whole fragment (context included) is lexed so
     * that a comment opened in a context line is recognised; then only the changed lines are kept.
     */
    private static String changedLines(Hunk hunk, char marker, Language language) {
        List<String> fragment = new ArrayList<>();
        List<Integer> changed = new ArrayList<>();
        for (String line : hunk.lines()) {
            char m = line.charAt(0);
            if (m == ' ' || m == marker) {
                if (m == marker) {
                    changed.add(fragment.size());
                }
                fragment.add(line.substring(1));
            }
        }
        Language lexing = language == Language.JAVA ? Language.C_LIKE : language;
        boolean startsInComment = fragment.stream().filter(l -> !l.isBlank()).findFirst()
                .map(l -> l.strip().startsWith("*")).orElse(false);
        List<LexedLine> lexed = CommentStripper.strip(String.join("\n", fragment), lexing, startsInComment);
        List<LexedLine> kept = changed.stream().map(lexed::get).toList();
        return CanonicalText.of(lexing, kept);
    }

    private static CanonicalPatch noEffect() {
        return new CanonicalPatch(PatchState.NO_EFFECT, CanonicalPatch.EMPTY_KEY, List.of(), List.of());
    }

    private static String digest(TreeMap<String, String> files) {
        StringBuilder all = new StringBuilder();
        files.forEach((path, text) -> all.append(path).append('\u0000').append(text).append('\u0001'));
        return sha256(all.toString());
    }

    private static String sha256(String text) {
        return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
    }
}
