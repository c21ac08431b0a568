package dev.fixpoint.solver.cli;

import picocli.CommandLine.Option;

/**
 * {@code -v/--verbose} of every command, and the log level of slf4j-simple it sets (stderr). {@link #apply()} must run
 * before the first logger is made, so first thing in a command's {@code call()}.
 */
final class Logging {

    @Option(names = {"-v", "--verbose"}, description = "log progress details to stderr")
    boolean verbose;

    void apply() {
        configure(verbose);
    }

    static void configure(boolean verbose) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }
}
