package dev.fixpoint.models;


import java.util.Optional;

/**
 * A hook around every model call of a task: waits for a slot of the model's provider, refuses the call once the
 * task's or the run's budget is exhausted, and records the call's usage in the task's ledger (and, if given, its
 * answer or failure in a {@link ModelCallLog}).
 */
public final class GovernedModel extends ModelDecorator {

    private final CallSlots concurrency;
    private final Budget.Ledger ledger;
    private final ModelCallLog calls;

    public GovernedModel(Model delegate, CallSlots concurrency, Budget.Ledger ledger) {
        this(delegate, concurrency, ledger, new ModelCallLog());
    }

    public GovernedModel(Model delegate, CallSlots concurrency, Budget.Ledger ledger, ModelCallLog calls) {
        super(delegate);
        this.concurrency = concurrency;
        this.ledger = ledger;
        this.calls = calls;
    }

    @Override
    public ModelResponse chat(ModelRequest request) {
        Optional<String> exhausted = ledger.exhausted();
        if (exhausted.isPresent()) throw new ModelException(ModelException.Kind.OTHER, exhausted.get());
        String provider = id().substring(0, Math.max(0, id().indexOf(':')));
        ModelResponse response;
        try {
            response = concurrency.withModelCall(provider, () -> delegate.chat(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException(ModelException.Kind.OTHER, id() + ": interrupted while waiting for a model call slot");
        } catch (ModelException e) {
            calls.failed(e);
            throw e;
        }
        calls.answered();
        ledger.record(id(), response.usage());
        return response;
    }
}
