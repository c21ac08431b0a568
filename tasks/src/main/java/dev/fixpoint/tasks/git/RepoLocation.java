package dev.fixpoint.tasks.git;

import java.util.Objects;

/**
 * Where a task's {@code repo} is fetched from.
 *
 * @param repo   the repo as the task names it: owner/name, URL or path
 * @param uri    what git fetches: a URL, or an absolute path to a repository or a bundle file
 * @param source how {@link RepoLocator} found it
 */
public record RepoLocation(String repo, String uri, Source source) {

    /** How a location was found, in the order {@link RepoLocator} tries them. */
    public enum Source {
        /** An entry of the mirror map. */
        MIRROR_MAP,
        /** The repo is a URL, used as is. */
        URL,
        /** The repo is an existing local path. */
        LOCAL_PATH,
        /** The repo is owner/name, fetched from GitHub. */
        GITHUB
    }

    public RepoLocation {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(source, "source");
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("repo location of " + repo + " is blank");
        }
    }

    @Override
    public String toString() {
        return uri.equals(repo) ? uri : repo + " (" + uri + ")";
    }
}
