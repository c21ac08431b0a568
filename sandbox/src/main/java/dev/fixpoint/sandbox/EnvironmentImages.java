package dev.fixpoint.sandbox;

import java.util.List;
import java.util.function.Consumer;

/**
 * Environment images: the place a repository's tests run, built once per recipe with network on, then used by
 * every sandbox with network off.
 */
public interface EnvironmentImages {

    /**
     * Builds {@code build.image()} unless it exists. Progress and each step's output go to {@code log}, a line at a
     * time.
     *
     * @return true when it was built, false when it existed
     * @throws SandboxException naming the image, the failing step, its exit status and the tail of its output
     */
    boolean build(ImageBuild build, Consumer<String> log);

    /** Whether the image exists locally. */
    boolean imageExists(String image);

    /**
     * Pulls an image from its registry (e.g. a SWE-bench instance image).
     *
     * @throws SandboxException naming the image when the registry cannot be reached or has no such image
     */
    void pull(String image);

    /** Local images of a repository (e.g. {@code fixpoint/env}), newest first. */
    List<ImageSummary> images(String repository);
}
