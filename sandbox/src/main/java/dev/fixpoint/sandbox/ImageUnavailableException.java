package dev.fixpoint.sandbox;

/**
 * A sandbox could not start because its image cannot be had: not in the registry, not pullable (a Kubernetes node's
 * {@code ErrImagePull} or {@code ImagePullBackOff}), or not a valid name. Callers that know how the image is made say so.
 */
public class ImageUnavailableException extends SandboxException {

    private final String image;

    /** @param image the image that cannot be had, as the sandbox spec named it */
    public ImageUnavailableException(String message, String image) {
        super(message);
        this.image = image;
    }

    /** The image that cannot be had. */
    public String image() {
        return image;
    }
}
