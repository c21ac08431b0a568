package dev.fixpoint.verifiers.dedup;

import java.util.Optional;

/** The absent base: every read is empty and {@link #available()} is false. */
enum NoBaseFiles implements BaseFiles {
    INSTANCE;

    @Override
    public Optional<String> read(String path) {
        return Optional.empty();
    }

    @Override
    public boolean available() {
        return false;
    }
}
