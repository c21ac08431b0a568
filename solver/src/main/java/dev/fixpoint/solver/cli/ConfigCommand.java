package dev.fixpoint.solver.cli;

import dev.fixpoint.solver.config.ConfigLoader;
import dev.fixpoint.solver.config.FixpointConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fixpoint config show}: the merged configuration (file, then flags), secrets masked. */
@Command(name = "config", description = "Shows the configuration.",
        subcommands = {ConfigCommand.Show.class})
public final class ConfigCommand extends GroupCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Prints every option as YAML: the config file's values with the given flags on top (the same flags as batch "
                    + "and solve), defaults for the rest, and whether each secret variable (API keys, GitHub token) is set; "
                    + "secret values are never printed."},
            exitCodeListHeading = ExitCodes.HEADING,
            exitCodeList = {"0:printed", "1:the config file cannot be read or has a bad value", "2:bad usage: unknown flag or bad value"})
    static final class Show implements Callable<Integer> {
        @Mixin
        RunOptions run;

        @Override
        public Integer call() throws Exception {
            return Guard.run("config show", this::show);
        }

        private Integer show() {
            var env = System.getenv();
            Path file = ConfigLoader.locate(run.config, env);
            FixpointConfig config = ConfigLoader.load(file, run.overrides());
            System.out.print(ConfigLoader.show(config, file, env));
            return ExitCodes.OK;
        }
    }
}
