package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.fixpoint.sandbox.SandboxLabels;
import dev.fixpoint.sandbox.runner.OwnerId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Fixpoint containers (label {@link SandboxLabels#MANAGED}) left by processes that are gone: the owner
 * label names this host and a pid that no longer runs. Containers of other hosts are kept (their owner's
 * liveness cannot be told from here) unless everything is asked for.
 */
final class Pruner {

    private static final Logger LOG = LoggerFactory.getLogger(Pruner.class);

    private final DockerClient docker;
    private final ContainerLauncher launcher;

    Pruner(DockerClient docker, ContainerLauncher launcher) {
        this.docker = docker;
        this.launcher = launcher;
    }

    /** Ids of Fixpoint containers (any state) carrying all the given labels. */
    List<String> list(Map<String, String> labels) {
        Map<String, String> filter = new HashMap<>(labels);
        filter.put(SandboxLabels.MANAGED, "true");
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec().stream()
                .map(Container::getId).toList();
    }

    /** Removes leftovers (or every Fixpoint container if {@code all}); extra label filters narrow the set. */
    int prune(boolean all, Map<String, String> extraLabels) {
        Map<String, String> filter = new HashMap<>(extraLabels);
        filter.put(SandboxLabels.MANAGED, "true");
        List<Container> containers = docker.listContainersCmd().withShowAll(true).withLabelFilter(filter).exec();
        int removed = 0;
        for (Container c : containers) {
            OwnerId owner = OwnerId.parse(c.getLabels() == null ? null : c.getLabels().get(SandboxLabels.OWNER));
            boolean leftover = all || owner != null && owner.isDeadHere();
            if (!leftover) continue;
            LOG.info("{}: pruning container of {} (owner {})", ContainerLauncher.shortId(c.getId()),
                    c.getImage(), owner);
            launcher.remove(c.getId());
            removed++;
        }
        return removed;
    }
}
