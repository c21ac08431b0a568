package dev.fixpoint.agent.tool;

import dev.fixpoint.tasks.layout.SourceLanguage;
import java.util.Optional;

/** The languages the code tools (outline, find_symbol) read in a repository: Python, Java or both. */
record CodeLanguages(boolean python, boolean java) {

    CodeLanguages {
        if (!python && !java) throw new IllegalArgumentException("the code tools need at least one language");
    }

    /** The languages of {@code language} the code tools read; empty when it has neither (no parser fits). */
    static Optional<CodeLanguages> of(SourceLanguage language) {
        return language.hasPython() || language.hasJava()
                ? Optional.of(new CodeLanguages(language.hasPython(), language.hasJava())) : Optional.empty();
    }

    boolean both() {
        return python && java;
    }

    /** The file endings read, for the model's messages: {@code .py and .java}, {@code .py} or {@code .java}. */
    String extensions() {
        return pick(".py and .java", ".py", ".java");
    }

    /** The text that fits the languages read: {@code both} when both are, else the one language's. */
    String pick(String both, String pythonOnly, String javaOnly) {
        return both() ? both : python ? pythonOnly : javaOnly;
    }

    /** The Python text and the Java text of the languages read, joined by {@code joiner} when both are. */
    String join(String pythonText, String joiner, String javaText) {
        return (python ? pythonText : "") + (both() ? joiner : "") + (java ? javaText : "");
    }
}
