package dev.fixpoint.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A local image, as {@link EnvironmentImages#images} lists it.
 *
 * @param name    one of its repository:tag names
 * @param id      image id
 * @param created when it was made
 * @param size    bytes
 * @param labels  its labels
 */
public record ImageSummary(String name, String id, Instant created, long size, Map<String, String> labels) {

    public ImageSummary {
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
