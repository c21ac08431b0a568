package dev.fixpoint.sandbox.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import dev.fixpoint.sandbox.ImageRegistry;
import dev.fixpoint.sandbox.SandboxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ImageRegistry#push} through the daemon: tag, then push with the Docker configuration's credentials. */
final class RegistryPusher {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryPusher.class);
    private static final long PUSH_TIMEOUT_MINUTES = 60;

    private final DockerClient docker;

    RegistryPusher(DockerClient docker) {
        this.docker = docker;
    }

    String push(String image, String registry) {
        String target = ImageRegistry.remoteName(registry, image);
        int colon = target.lastIndexOf(':');
        if (colon <= target.lastIndexOf('/')) throw new IllegalArgumentException("not an image name with a tag: " + image);
        String repository = target.substring(0, colon);
        String tag = target.substring(colon + 1);
        long t0 = System.nanoTime();
        try {
            docker.tagImageCmd(image, repository, tag).withForce(true).exec();
            AtomicReference<String> error = new AtomicReference<>();
            var callback = docker.pushImageCmd(repository).withTag(tag).withAuthConfig(auth(target))
                    .exec(new ResultCallback.Adapter<PushResponseItem>() {
                        @Override
                        public void onNext(PushResponseItem item) {
                            if (item.isErrorIndicated()) {
                                error.compareAndSet(null, item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                                        ? item.getErrorDetail().getMessage() : item.getError());
                            }
                        }
                    });
            if (!callback.awaitCompletion(PUSH_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                callback.close();
                throw new SandboxException("pushing " + image + " to " + registry + " as " + target + ": no answer within "
                        + PUSH_TIMEOUT_MINUTES + " minutes");
            }
            if (error.get() != null) throw failure(image, registry, target, error.get(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("pushing " + image + " to " + registry + ": interrupted", e);
        } catch (DockerException | java.io.IOException e) {
            throw failure(image, registry, target, e.getMessage(), e);
        }
        LOG.info("{}: pushed as {} in {} ms", image, target, (System.nanoTime() - t0) / 1_000_000);
        return target;
    }

    /** The configuration's credentials for the target's registry, or empty ones (an open registry). */
    private static AuthConfig auth(String target) {
        AuthConfig auth = DefaultDockerClientConfig.createDefaultConfigBuilder().build().effectiveAuthConfig(target);
        return auth != null ? auth : new AuthConfig();
    }

    private static SandboxException failure(String image, String registry, String target, String message, Exception cause) {
        String hint = message != null && message.contains("HTTP response to HTTPS client")
                ? " (the registry speaks plain HTTP: add it to \"insecure-registries\" in /etc/docker/daemon.json and restart "
                        + "dockerd; 127.0.0.0/8 is allowed by default)"
                : message != null && (message.contains("unauthorized") || message.contains("authentication required") || message.contains("denied"))
                        ? " (log in first: docker login " + registry.replaceAll("/.*$", "") + ")"
                        : "";
        String text = "pushing " + image + " to " + registry + " as " + target + " failed: " + message + hint;
        return cause == null ? new SandboxException(text) : new SandboxException(text, cause);
    }
}
