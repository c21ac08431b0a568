package dev.fixpoint.agent.tool;

import dev.fixpoint.models.ToolSpec;

import java.util.Objects;

/** A tool whose spec is settled when it is made; the tool itself only says what a call does. */
abstract class FixedSpecTool implements Tool {

    private final ToolSpec spec;

    FixedSpecTool(ToolSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }
}
