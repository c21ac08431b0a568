package dev.fixpoint.tasks.layout;

import java.util.Collection;

/**
 * The language of a repository's code as far as the agent's code tools care: told from the tree by counting
 * {@code .py} and {@code .java} files. A repository whose minority language has fewer than one file in
 * {@value #MINORITY_RATIO} of the majority's is that majority's (a Java project with a few helper scripts is a
 * Java project); with more of both it is {@link #MIXED}; with neither it is {@link #UNKNOWN}.
 */
public enum SourceLanguage {
    PYTHON, JAVA, MIXED, UNKNOWN;

    /** Below one minority file per this many majority files the minority is ignored. */
    public static final int MINORITY_RATIO = 20;

    /** The language of the repository whose files (relative paths) are {@code files}. */
    public static SourceLanguage of(Collection<String> files) {
        long py = 0, java = 0;
        for (String f : files) {
            if (f.endsWith(".py")) py++;
            else if (f.endsWith(".java")) java++;
        }
        if (py == 0 && java == 0) return UNKNOWN;
        if (java * MINORITY_RATIO < py) return PYTHON;
        if (py * MINORITY_RATIO < java) return JAVA;
        return MIXED;
    }

    /** Whether the repository has Python code worth Python-aware tools. */
    public boolean hasPython() {
        return this == PYTHON || this == MIXED;
    }

    /** Whether the repository has Java code worth Java-aware tools. */
    public boolean hasJava() {
        return this == JAVA || this == MIXED;
    }
}
