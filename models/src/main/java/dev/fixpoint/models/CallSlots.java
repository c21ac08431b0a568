package dev.fixpoint.models;

import java.util.function.Supplier;

/** Bounds how many calls of one provider are in flight at once; {@link GovernedModel} waits for a slot per call. */
@FunctionalInterface
public interface CallSlots {

    /** Runs {@code call} once a slot of {@code provider} ("openai", "scripted", ...) is free. */
    <T> T withModelCall(String provider, Supplier<T> call) throws InterruptedException;
}
