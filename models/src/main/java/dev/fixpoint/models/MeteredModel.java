package dev.fixpoint.models;


/** A hook around the model call: every response's usage goes to the rollout's {@link Meter}. */
public final class MeteredModel extends ModelDecorator {

    private final Meter meter;

    public MeteredModel(Model delegate, Meter meter) {
        super(delegate);
        this.meter = meter;
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        ModelResponse response = delegate.chat(request);
        meter.record(response.usage());
        return response;
    }
}
