package dev.fixpoint.harness.results;

import dev.fixpoint.tasks.env.ResultFormat;
import java.util.Map;

/**
 * A family of {@link LogParser}s registered through {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.fixpoint.harness.results.LogParserProvider}. {@link LogParsers} asks every provider
 * on the class path once; two parsers for one format are an error.
 */
public interface LogParserProvider {

    /** The parsers of this family by the format each reads. */
    Map<ResultFormat, LogParser> parsers();
}
