package dev.fixpoint.harness;

import java.util.Locale;

/** Which step of the model-patch fallback chain applied the patch. */
public enum ApplyStep {
    /** {@code git apply --verbose} */
    GIT_APPLY("git apply --verbose"),
    /** {@code git apply --verbose --reject} */
    GIT_APPLY_REJECT("git apply --verbose --reject"),
    /** {@code patch --batch --fuzz=5 -p1 -i} */
    PATCH_FUZZ("patch --batch --fuzz=5 -p1 -i"),
    /** No step applied it, or none was tried (empty patch, error before applying). */
    NONE("");

    private final String command;

    ApplyStep(String command) {
        this.command = command;
    }

    /** The command line, to which the patch file path is appended. */
    public String command() {
        return command;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApplyStep fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
