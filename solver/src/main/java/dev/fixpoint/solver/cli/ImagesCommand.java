package dev.fixpoint.solver.cli;

import dev.fixpoint.sandbox.InstanceImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fixpoint images build|list|prune|push}: the sandbox images (built offline) and per-task instance images; push puts them
 * in a registry for a cluster ({@link ImagesPushCommand}).
 */
@Command(name = "images",
        description = "Builds, lists and prunes Fixpoint's Docker images (fixpoint/*); pushes what a cluster's batch pulls.",
        subcommands = {ImagesCommand.Build.class, ImagesCommand.ListImages.class, ImagesCommand.Prune.class, ImagesPushCommand.class})
public final class ImagesCommand extends GroupCommand {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Builds the base sandbox images offline (debootstrap + docker import, then fixpoint/python and fixpoint/java): "
                    + "runs scripts/build-images of this checkout (found from $FIXPOINT_HOME or the CLI's location). Skips what exists.",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:the images are there", "1:the build script failed", "2:the build script was not found"})
    static final class Build implements Callable<Integer> {
        @Option(names = "--script", paramLabel = "FILE", description = "the build script (default: <checkout>/scripts/build-images)")
        Path script;

        @Override
        public Integer call() throws Exception {
            Path s = script != null ? script : locateScript();
            if (s == null || !Files.isExecutable(s)) {
                System.err.println("fixpoint images build: scripts/build-images not found; set FIXPOINT_HOME to the Fixpoint checkout or give --script FILE");
                return ExitCodes.USAGE;
            }
            Process p = new ProcessBuilder(s.toString()).inheritIO().start();
            int rc = p.waitFor();
            return rc == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }

        private static Path locateScript() {
            String home = System.getenv("FIXPOINT_HOME");
            if (home != null) return Path.of(home, "scripts", "build-images");
            try {
                Path p = Path.of(ImagesCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
                for (; p != null; p = p.getParent()) {
                    if (Files.exists(p.resolve("scripts/build-images"))) return p.resolve("scripts/build-images");
                }
            } catch (java.net.URISyntaxException | SecurityException e) {
                return null;
            }
            return null;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists Fixpoint images: repository:tag, id, size, created.",
            exitCodeListHeading = ExitCodes.HEADING, exitCodeList = {"0:listed", "1:docker images failed"})
    static final class ListImages implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            Optional<String> images = DockerCli.fixpointImages("list", "{{.Repository}}:{{.Tag}}\t{{.ID}}\t{{.Size}}\t{{.CreatedSince}}");
            images.ifPresent(System.out::print);
            return images.isPresent() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Removes per-task instance images (" + InstanceImages.REPOSITORY + ":*) no container uses; with --all also the base images.",
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:every image was removed (or listed, with --dry-run)", "1:docker images failed, or some image was kept"})
    static final class Prune implements Callable<Integer> {
        @Option(names = "--all", description = "also remove fixpoint/base, fixpoint/python and fixpoint/java (rebuild with: fixpoint images build)")
        boolean all;

        @Option(names = "--dry-run", description = "print what would be removed")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            Optional<String> images = DockerCli.fixpointImages("prune", "{{.Repository}}:{{.Tag}}");
            if (images.isEmpty()) return ExitCodes.FAILURE;
            List<String> doomed = new ArrayList<>();
            for (String image : images.get().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                if (all || InstanceImages.isInstanceImage(image)) doomed.add(image);
            }
            int failed = 0;
            for (String image : doomed) {
                if (dryRun) {
                    System.out.println("would remove " + image);
                    continue;
                }
                DockerCli.Result rm = DockerCli.run("rmi", image);
                if (rm.exit() == 0) System.out.println("removed " + image);
                else {
                    failed++;
                    System.err.println("kept " + image + ": " + rm.output().strip());
                }
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    /** The docker CLI, for image housekeeping (the sandbox API covers containers, not image listing). */
    static final class DockerCli {
        record Result(int exit, String output) {}

        static Result run(String... args) throws IOException, InterruptedException {
            var cmd = new ArrayList<String>();
            cmd.add("docker");
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        }

        /**
         * What {@code docker images} says of Fixpoint's images (fixpoint/*), in {@code format}; empty once it has said
         * on stderr that docker failed.
         */
        static Optional<String> fixpointImages(String subcommand, String format) throws IOException, InterruptedException {
            Result r = run("images", "--filter", "reference=fixpoint/*", "--format", format);
            if (r.exit() == 0) return Optional.of(r.output());
            System.err.println("fixpoint images " + subcommand + ": docker images failed: " + r.output().strip());
            return Optional.empty();
        }
    }
}
