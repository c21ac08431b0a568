package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.ImageRegistry;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * {@code --registry HOST[:PORT][/PREFIX]}: images a command builds are pushed there once ready, as
 * {@code HOST[:PORT]/PREFIX/<repository>:<tag>}, so that a cluster's pods can pull them.
 */
final class RegistryOption {

    @Option(names = "--registry", paramLabel = "HOST/PREFIX",
            description = "push the images built here to this registry (e.g. 127.0.0.1:5000/fixpoint), named HOST/PREFIX/<repository>:<tag>, "
                    + "so that a cluster can pull them; credentials from ~/.docker/config.json ($DOCKER_CONFIG), none for an open registry")
    String registry;

    /** Fails naming the value when it is not {@code HOST[:PORT][/PREFIX]}; call before any work. */
    void check() {
        if (registry != null) ImageRegistry.remoteName(registry, "fixpoint/check:x");
    }

    /**
     * The identity without {@code --registry}; otherwise a push of each image (once per image in this process) that
     * returns its registry name and says so on {@code err}.
     */
    UnaryOperator<String> publisher(ImageRegistry images, PrintWriter err) {
        if (registry == null) return UnaryOperator.identity();
        Map<String, String> pushed = new ConcurrentHashMap<>();
        return image -> pushed.computeIfAbsent(image, i -> {
            String name = images.push(i, registry);
            err.println("pushed " + i + " as " + name);
            err.flush();
            return name;
        });
    }
}
