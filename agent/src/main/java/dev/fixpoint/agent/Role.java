package dev.fixpoint.agent;

import dev.fixpoint.agent.tool.Toolbox;

/**
 * What an agent session is asked to do; it picks the session's prompts ({@link Prompts#defaults(Role)}) and the
 * wording of its submit tool ({@link Toolbox#forTask(Role, dev.fixpoint.tasks.layout.SourceLanguage)}), which must
 * agree: a test writer is never told to fix.
 */
public enum Role {
    /** Resolve the issue: reproduce, fix the source, verify, submit the repository as the fix. */
    FIX,
    /** Write a reproduction test for the issue and submit it; the source is not to be fixed. */
    WRITE_TEST
}
