package dev.fixpoint.agent;

import dev.fixpoint.agent.tool.Observation;
import dev.fixpoint.agent.tool.ToolContext;
import dev.fixpoint.agent.tool.ToolRun;
import dev.fixpoint.agent.tool.Toolbox;
import dev.fixpoint.agent.trajectory.Step;
import dev.fixpoint.models.Message;
import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelException;
import dev.fixpoint.models.ModelRequest;
import dev.fixpoint.models.ModelResponse;
import dev.fixpoint.models.PriceTable;
import dev.fixpoint.models.ToolCall;
import dev.fixpoint.models.Meter;
import dev.fixpoint.models.MeteredModel;
import dev.fixpoint.sandbox.Sandbox;
import dev.fixpoint.sandbox.SandboxException;
import dev.fixpoint.tasks.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The loop of one rollout: check limits, ask the model, run the tool calls it asks for, append the observations;
 * until the model submits or a limit is hit. Then the repository's diff becomes the {@link Candidate}.
 * Tools, prompts, limits, metering and recording live outside this class. Immutable: one Agent runs any number of
 * rollouts, each on its own thread and sandbox; its tools and {@link RepoFacts} fit one repository (the solver builds
 * one per session: {@link Toolbox#forTask}, {@link RepoFacts#of}).
 */
public final class Agent {

    private static final Logger log = LoggerFactory.getLogger(Agent.class);

    private final Model model;
    private final Toolbox toolbox;
    private final Prompts prompts;
    private final AgentLimits limits;
    private final PriceTable prices;
    private final List<AgentListener> listeners;
    private final Clock clock;
    private final String stateDir;
    private final RepoFacts facts;

    private Agent(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.toolbox = b.toolbox;
        this.prompts = b.prompts;
        this.limits = b.limits;
        this.prices = b.prices;
        this.listeners = List.copyOf(b.listeners);
        this.clock = b.clock;
        this.stateDir = b.stateDir;
        this.facts = b.facts;
    }

    public static Builder builder(Model model) {
        return new Builder(model);
    }

    /**
     * Runs one rollout on {@code task}, whose repository is already in {@code sandbox} at the task's workdir (the
     * sandbox's workdir if the task has no environment). Extra listeners (e.g. this rollout's trajectory) are
     * called after the agent's own.
     */
    public Candidate run(Task task, Sandbox sandbox, AgentListener... rolloutListeners) {
        Instant start = clock.instant();
        String workdir = task.environment() != null ? task.environment().workdir() : sandbox.spec().workdir();
        var events = new ArrayList<>(listeners);
        events.addAll(List.of(rolloutListeners));
        var meter = new Meter(model.id(), prices);
        var rollout = new Rollout(new MeteredModel(model, meter), meter,
                new ToolContext(sandbox, workdir, stateDir, limits.deadline(start), clock), events);
        List<Message> first = prompts.initialMessages(task, workdir, facts, toolbox.specs());
        rollout.messages.addAll(first);
        events.forEach(l -> l.onStart(new RolloutStart(task.instanceId(), model.id(), workdir, first, toolbox.specs(), limits, start)));

        Outcome outcome = null;
        String error = "";
        try {
            while (outcome == null) {
                Optional<Outcome> limit = limits.exceeded(rollout.steps, meter.usage(), meter.cost(), Duration.between(start, clock.instant()));
                outcome = limit.isPresent() ? limit.get() : rollout.step();
            }
        } catch (CallDeadline.Exceeded e) {
            outcome = Outcome.TIME_LIMIT;
            error = e.getMessage();
            log.warn("{}: {}", task.instanceId(), error);
        } catch (ModelException e) {
            outcome = Outcome.MODEL_ERROR;
            error = e.getMessage();
            log.warn("{}: model error at step {}: {}", task.instanceId(), rollout.steps, error);
        } catch (SandboxException e) {
            outcome = Outcome.SANDBOX_ERROR;
            error = e.getMessage();
            log.warn("{}: sandbox {} failed at step {}: {}", task.instanceId(), sandbox.id(), rollout.steps, error);
        }
        Candidate candidate = collect(task, sandbox, workdir, outcome, error, rollout, start);
        events.forEach(l -> l.onFinish(candidate));
        log.info("{}: rollout ended {} after {} steps, patch {}: {}", task.instanceId(), outcome, rollout.steps,
                candidate.patchStatus(), candidate.patchMessage());
        return candidate;
    }

    private Candidate collect(Task task, Sandbox sandbox, String workdir, Outcome outcome, String error, Rollout r, Instant start) {
        PatchExtractor.Result extracted;
        try {
            extracted = new PatchExtractor(stateDir, limits.maxPatchBytes()).extract(sandbox, workdir, task.baseCommit());
        } catch (SandboxException e) {
            extracted = PatchExtractor.Result.unreadable("cannot read the patch: the sandbox failed: " + e.getMessage());
        }
        if (extracted.status() == PatchStatus.TOO_LARGE || extracted.status() == PatchStatus.UNREADABLE) {
            log.warn("{}: no patch ({}): {}", task.instanceId(), extracted.status(), extracted.message());
        }
        return new Candidate(task.instanceId(), model.id(), extracted.patch(), extracted.reproduction(), outcome, r.steps,
                r.meter.usage(), r.meter.cost(), error, Duration.between(start, clock.instant()), extracted.status(), extracted.message());
    }

    /** The mutable state of one run, confined to its thread. */
    private final class Rollout {
        final Model model;
        final Meter meter;
        final ToolContext context;
        final List<AgentListener> events;
        final List<Message> messages = new ArrayList<>();
        /** The rollout's deadline in real time ({@link System#nanoTime()}): a model call still running then is cut. */
        final long deadlineNanos = System.nanoTime() + Math.min(limits.maxWallTime().toNanos(), Long.MAX_VALUE / 4);
        int steps;

        Rollout(Model model, Meter meter, ToolContext context, List<AgentListener> events) {
            this.model = model;
            this.meter = meter;
            this.context = context;
            this.events = events;
        }

        /** One model call and its tool calls; SUBMITTED if the model submitted, else null. */
        Outcome step() {
            steps++;
            Instant startedAt = clock.instant();
            long t0 = System.nanoTime();
            ModelResponse response = CallDeadline.call(model, new ModelRequest(messages, toolbox.specs()),
                    Duration.ofNanos(deadlineNanos - System.nanoTime()), limits.maxWallTime());
            long t1 = System.nanoTime();
            int requestMessages = messages.size();
            long requestChars = messages.stream().mapToLong(Agent::chars).sum();
            messages.add(response.message());
            var runs = new ArrayList<ToolRun>();
            for (ToolCall call : response.message().toolCalls()) {
                long s = System.nanoTime();
                Observation o = toolbox.run(call, context);
                runs.add(new ToolRun(call, o, Duration.ofNanos(System.nanoTime() - s)));
                messages.add(new Message.ToolResult(call.id(), call.name(), o.text()));
                if (o.submitted()) break;
            }
            if (runs.isEmpty()) messages.add(new Message.User(prompts.noToolCall()));
            long t2 = System.nanoTime();
            var step = new Step(steps, startedAt, requestMessages, requestChars, response, meter.lastCost(), runs,
                    meter.usage(), meter.cost(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), Duration.ofNanos(System.nanoTime() - t0));
            events.forEach(l -> l.onStep(step));
            return step.submitted() ? Outcome.SUBMITTED : null;
        }
    }

    private static long chars(Message m) {
        if (m instanceof Message.SystemPrompt s) return s.text().length();
        if (m instanceof Message.User u) return u.text().length();
        if (m instanceof Message.ToolResult t) return t.text().length();
        var a = (Message.Assistant) m;
        return a.text().length() + a.toolCalls().stream().mapToLong(c -> c.arguments().length()).sum();
    }

    /** Options of an {@link Agent}; only the model is required. */
    public static final class Builder {
        private final Model model;
        private Toolbox toolbox = Toolbox.standard();
        private Prompts prompts = Prompts.defaults();
        private AgentLimits limits = AgentLimits.DEFAULT;
        private PriceTable prices = PriceTable.defaults();
        private final List<AgentListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String stateDir = ToolContext.DEFAULT_STATE_DIR;
        private RepoFacts facts = RepoFacts.none();

        private Builder(Model model) {
            this.model = model;
        }

        public Builder toolbox(Toolbox v) { toolbox = Objects.requireNonNull(v); return this; }
        public Builder prompts(Prompts v) { prompts = Objects.requireNonNull(v); return this; }
        public Builder limits(AgentLimits v) { limits = Objects.requireNonNull(v); return this; }
        public Builder prices(PriceTable v) { prices = Objects.requireNonNull(v); return this; }
        public Builder listener(AgentListener v) { listeners.add(Objects.requireNonNull(v)); return this; }
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
        /** Absolute sandbox directory, outside the repository, for tool bookkeeping (undo copies, scratch index). */
        public Builder stateDir(String v) { stateDir = Objects.requireNonNull(v); return this; }
        /** What the prompts say of the repository (language, an example test file); default {@link RepoFacts#none()}. */
        public Builder facts(RepoFacts v) { facts = Objects.requireNonNull(v); return this; }

        public Agent build() {
            return new Agent(this);
        }
    }
}
