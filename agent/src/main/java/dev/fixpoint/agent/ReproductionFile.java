package dev.fixpoint.agent;

import java.util.Objects;

/** A file the agent wrote to reproduce the issue, kept apart from the patch. {@code path} is relative to the repository. */
public record ReproductionFile(String path, String content) {
    public ReproductionFile {
        Objects.requireNonNull(path, "reproduction path");
        content = content == null ? "" : content;
    }
}
