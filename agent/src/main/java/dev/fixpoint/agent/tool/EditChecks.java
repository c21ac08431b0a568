package dev.fixpoint.agent.tool;

/**
 * Which static checks the edit tool runs after each edit, per language. Syntax is always checked; these add the
 * checks of names: for Python, undefined names and imports of the repository's own modules that name nothing there
 * (a script at pyflakes' level run by the sandbox's python3); for Java, types and names the edited file uses that
 * resolve nowhere (javaparser's symbol solver over the repository's sources in the sandbox, the JDK's classes and
 * the file's imports). Only problems an edit introduces are reported.
 *
 * @param python check edited .py files' names and imports
 * @param java   check edited .java files' types and names
 */
public record EditChecks(boolean python, boolean java) {

    /** Both checks: the default. */
    public static final EditChecks ALL = new EditChecks(true, true);
    /** Syntax only, as before these checks existed. */
    public static final EditChecks SYNTAX_ONLY = new EditChecks(false, false);
}
