package dev.fixpoint.tasks.git;

import dev.fixpoint.tasks.JsonSnippet;
import dev.fixpoint.tasks.TasksJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps a task's {@code repo} to a location git can fetch, trying in order: an explicit mirror map (owner/name to a
 * local bare repository, a bundle file or a URL), the repo itself when it is a URL, an existing local path, and
 * finally {@code https://github.com/<owner/name>.git}. Immutable and thread-safe.
 */
public final class RepoLocator {

    private static final ObjectMapper MAPPER = TasksJson.mapper();
    private static final Pattern OWNER_NAME = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+:.+");

    private final Map<String, String> mirrors;

    private RepoLocator(Map<String, String> mirrors) {
        this.mirrors = Map.copyOf(mirrors);
    }

    /** A locator without a mirror map. */
    public static RepoLocator direct() {
        return new RepoLocator(Map.of());
    }

    /**
     * A locator with a mirror map; relative paths among its values resolve against the current directory.
     *
     * @param mirrors owner/name (or any repo string) to a path, bundle file or URL
     */
    public static RepoLocator withMirrors(Map<String, String> mirrors) {
        Map<String, String> resolved = new LinkedHashMap<>();
        mirrors.forEach((repo, location) -> resolved.put(repo, resolve(location, Path.of(""))));
        return new RepoLocator(resolved);
    }

    /**
     * Reads a mirror map file {@code {"owner/name": "path-or-url", ...}}; relative paths resolve against the file's
     * directory.
     *
     * @throws WorkspaceException ({@link WorkspaceException.Reason#BAD_LOCATION}) when the file is missing or malformed
     */
    public static RepoLocator fromMirrorFile(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw bad("mirror map not found: " + file.toAbsolutePath(), e);
        } catch (IOException e) {
            throw bad("cannot read mirror map " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw bad("mirror map " + file + " must be a JSON object {\"owner/name\": \"path-or-url\"}, not: "
                    + JsonSnippet.of(root), null);
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, String> mirrors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw bad("mirror map " + file + ": entry " + e.getKey() + " must be a path or URL string, not: "
                        + JsonSnippet.of(e.getValue()), null);
            }
            mirrors.put(e.getKey(), resolve(e.getValue().asText(), base));
        }
        return new RepoLocator(mirrors);
    }

    /** The mirror map, values resolved (absolute paths or URLs). */
    public Map<String, String> mirrors() {
        return mirrors;
    }

    /**
     * Where to fetch {@code repo} from.
     *
     * @throws WorkspaceException ({@link WorkspaceException.Reason#BAD_LOCATION}) when the repo string is none of
     *                            a mapped name, a URL, an existing path or owner/name
     */
    public RepoLocation locate(String repo) {
        String mirror = mirrors.get(repo);
        if (mirror == null) {
            mirror = mirrors.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(repo))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        if (mirror != null) {
            return new RepoLocation(repo, mirror, RepoLocation.Source.MIRROR_MAP);
        }
        if (isUrl(repo)) {
            return new RepoLocation(repo, repo, RepoLocation.Source.URL);
        }
        Path local = asPath(repo);
        if (local != null && Files.exists(local)) {
            return new RepoLocation(repo, local.toAbsolutePath().normalize().toString(), RepoLocation.Source.LOCAL_PATH);
        }
        if (OWNER_NAME.matcher(repo).matches()) {
            String name = repo.toLowerCase(Locale.ROOT).endsWith(".git") ? repo : repo + ".git";
            return new RepoLocation(repo, "https://github.com/" + name, RepoLocation.Source.GITHUB);
        }
        throw bad("repo " + repo + " is not in the mirror map, not a URL, not an existing path and not owner/name;"
                + " give one of those, or add it to the mirror map", null);
    }

    static boolean isUrl(String s) {
        return s.contains("://") || s.startsWith("file:") || SCP_LIKE.matcher(s).matches() && !s.contains("/:");
    }

    private static String resolve(String location, Path base) {
        if (isUrl(location)) {
            return location;
        }
        Path path = asPath(location);
        if (path == null) {
            throw bad("mirror location is neither a URL nor a valid path: " + location, null);
        }
        return base.resolve(path).toAbsolutePath().normalize().toString();
    }

    private static Path asPath(String s) {
        try {
            return Path.of(s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static WorkspaceException bad(String message, Throwable cause) {
        return new WorkspaceException(WorkspaceException.Reason.BAD_LOCATION, message, cause);
    }
}
