package dev.fixpoint.models;

/**
 * A hook around another model's calls (metering, governance, retries): it answers to the other model's id and says
 * in {@link #chat} what it adds around {@code delegate.chat}.
 */
abstract class ModelDecorator implements Model {

    final Model delegate;

    ModelDecorator(Model delegate) {
        this.delegate = delegate;
    }

    @Override
    public final String id() {
        return delegate.id();
    }
}
