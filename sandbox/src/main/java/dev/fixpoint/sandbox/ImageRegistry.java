package dev.fixpoint.sandbox;

import java.util.regex.Pattern;

/**
 * Pushing local images to a registry that other machines (a cluster's nodes) pull from. An image
 * {@code <repository>:<tag>} is pushed as {@code HOST[:PORT]/PREFIX/<repository>:<tag>}, e.g.
 * {@code fixpoint/instance:verspec-1-ab12} to {@code 127.0.0.1:5000/swe} becomes
 * {@code 127.0.0.1:5000/swe/fixpoint/instance:verspec-1-ab12}.
 */
public interface ImageRegistry {

    /** {@code HOST[:PORT]} then optional lower-case path components. */
    Pattern REGISTRY = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
            + "(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?)(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

    /**
     * The name {@code image} gets in {@code registry}.
     *
     * @throws IllegalArgumentException naming the value when {@code registry} is not {@code HOST[:PORT][/PREFIX]}
     */
    static String remoteName(String registry, String image) {
        String r = registry == null ? null : registry.replaceAll("/+$", "");
        if (r == null || !REGISTRY.matcher(r).matches()) {
            throw new IllegalArgumentException("--registry '" + registry + "' is not HOST[:PORT][/PREFIX] (e.g. 127.0.0.1:5000/fixpoint "
                    + "or registry.example.com/team/swe; lower-case path)");
        }
        return r + "/" + image;
    }

    /**
     * Tags {@code image} as {@link #remoteName remoteName(registry, image)} and pushes it, with the credentials the
     * Docker configuration ({@code ~/.docker/config.json}, or {@code $DOCKER_CONFIG}) holds for that registry, or none.
     *
     * @return the pushed name
     * @throws SandboxException naming the image and the registry, with the registry's answer, when the push fails
     */
    String push(String image, String registry);
}
