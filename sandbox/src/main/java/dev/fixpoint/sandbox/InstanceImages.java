package dev.fixpoint.sandbox;

import java.nio.file.Path;

/**
 * Per-task instance images: the repository at its base commit baked into an image derived from the
 * environment image, once, so that each of the task's N rollouts starts a copy-on-write container with the
 * repository already inside (as fast as a plain start, instead of copying the tree N times).
 */
public interface InstanceImages {

    /** The repository every instance image is named in. */
    String REPOSITORY = "fixpoint/instance";

    /** The instance image of {@code key}: {@code fixpoint/instance:<key>}. */
    static String imageName(String key) {
        return REPOSITORY + ":" + key;
    }

    /** Whether {@code image} ({@code repository:tag}) names an instance image. */
    static boolean isInstanceImage(String image) {
        return image.startsWith(REPOSITORY + ":");
    }

    /**
     * Returns the image {@link #imageName imageName(key)} holding {@code hostDir}'s contents at {@code workdir}
     * on top of {@code baseImage}; builds it only if no image has that name yet. Files are owned by root.
     *
     * @param key content key, e.g. a hash of (environment image, repo, base commit): lowercase letters,
     *            digits, '.', '_' and '-', at most 128 characters
     */
    String bakeImage(String baseImage, Path hostDir, String workdir, String key);

    /** Whether the image exists locally. */
    boolean imageExists(String image);

    /**
     * Gives {@code image} a second name {@code target} ({@code repository:tag}), replacing whatever had that name:
     * e.g. an image baked under a staging key, once checked, gets its final name.
     *
     * @throws SandboxException naming both when the daemon refuses (no such image, bad name)
     */
    void tagImage(String image, String target);

    /**
     * Removes an instance image (or, when it has other names, only this name); a missing image is fine. Fails if a
     * container still uses it.
     */
    void removeImage(String image);
}
