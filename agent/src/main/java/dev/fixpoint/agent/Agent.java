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
 * Tools, prompts, limits, metering, recording and the context budget ({@link ContextPolicy}) live outside this class;
 * each step returns whether the loop goes on or the rollout ended, and how. Immutable: one Agent runs any number of
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
        var rollout = new Rollout(task, sandbox, rolloutListeners);
        rollout.start();
        return rollout.finish(rollout.loop());
    }

    /** What a step leaves the loop with: go on, or the rollout ended. */
    private sealed interface StepResult permits Continue, Finished {}

    private record Continue() implements StepResult {}

    /** The rollout ended: how, and the error text ("" unless MODEL_ERROR / SANDBOX_ERROR). */
    private record Finished(Outcome outcome, String error) implements StepResult {}

    private static final Continue CONTINUE = new Continue();

    /** The mutable state of one run, confined to its thread. */
    private final class Rollout {
        final Task task;
        final Sandbox sandbox;
        final String workdir;
        final Instant startedAt = clock.instant();
        final List<AgentListener> events = new ArrayList<>(listeners);
        final Meter meter = new Meter(model.id(), prices);
        final Model metered = new MeteredModel(model, meter);
        final ContextPolicy context = limits.context().forModel(model.id());
        final ToolContext tools;
        final Conversation conversation;
        /** The rollout's deadline in real time ({@link System#nanoTime()}): a model call still running then is cut. */
        final long deadlineNanos = System.nanoTime() + Math.min(limits.maxWallTime().toNanos(), Long.MAX_VALUE / 4);
        int steps;

        Rollout(Task task, Sandbox sandbox, AgentListener[] rolloutListeners) {
            this.task = task;
            this.sandbox = sandbox;
            this.workdir = task.environment() != null ? task.environment().workdir() : sandbox.spec().workdir();
            this.events.addAll(List.of(rolloutListeners));
            this.tools = new ToolContext(sandbox, workdir, stateDir, limits.deadline(startedAt), clock, task.baseCommit());
            this.conversation = new Conversation(context, toolbox.specs(), task.instanceId());
        }

        void start() {
            List<Message> first = prompts.initialMessages(task, workdir, facts, toolbox.specs());
            first.forEach(m -> conversation.add(m, 0));
            var start = new RolloutStart(task.instanceId(), model.id(), workdir, first, toolbox.specs(), limits.withContext(context), startedAt);
            events.forEach(l -> l.onStart(start));
        }

        /** Steps until one finishes the rollout or a limit does; model and sandbox failures finish it too. */
        Finished loop() {
            try {
                while (true) {
                    if (checkLimits() instanceof Finished f) return f;
                    if (step() instanceof Finished f) return f;
                }
            } catch (CallDeadline.Exceeded e) {
                log.warn("{}: {}", task.instanceId(), e.getMessage());
                return new Finished(Outcome.TIME_LIMIT, e.getMessage());
            } catch (ModelException e) {
                log.warn("{}: model error at step {}: {}", task.instanceId(), steps, e.getMessage());
                return new Finished(Outcome.MODEL_ERROR, e.getMessage());
            } catch (SandboxException e) {
                log.warn("{}: sandbox {} failed at step {}: {}", task.instanceId(), sandbox.id(), steps, e.getMessage());
                return new Finished(Outcome.SANDBOX_ERROR, e.getMessage());
            }
        }

        StepResult checkLimits() {
            Optional<Outcome> hit = limits.exceeded(steps, meter.usage(), meter.cost(), Duration.between(startedAt, clock.instant()));
            return hit.<StepResult>map(o -> new Finished(o, "")).orElse(CONTINUE);
        }

        /** One model call and its tool calls. */
        StepResult step() {
            steps++;
            var step = Step.builder().index(steps).startedAt(clock.instant()).elided(conversation.fit(steps));
            long t0 = System.nanoTime();
            step.requestMessages(conversation.size()).requestChars(conversation.chars());
            ModelResponse response = queryModel();
            long t1 = System.nanoTime();
            List<ToolRun> runs = executeActions(response.message().toolCalls());
            observe(runs);
            long t2 = System.nanoTime();
            Step done = step.response(response).cost(meter.lastCost()).toolRuns(runs).totalUsage(meter.usage())
                    .totalCost(meter.cost()).modelTime(Duration.ofNanos(t1 - t0)).toolTime(Duration.ofNanos(t2 - t1))
                    .stepTime(Duration.ofNanos(System.nanoTime() - t0)).build();
            events.forEach(l -> l.onStep(done));
            return done.submitted() ? new Finished(Outcome.SUBMITTED, "") : CONTINUE;
        }

        ModelResponse queryModel() {
            ModelResponse response = CallDeadline.call(metered, new ModelRequest(conversation.messages(), toolbox.specs()),
                    Duration.ofNanos(deadlineNanos - System.nanoTime()), limits.maxWallTime());
            conversation.calibrate(response.usage());
            conversation.add(response.message(), steps);
            return response;
        }

        /** Runs the calls in order, none after a submit. */
        List<ToolRun> executeActions(List<ToolCall> calls) {
            var runs = new ArrayList<ToolRun>();
            for (ToolCall call : calls) {
                long s = System.nanoTime();
                Observation o = toolbox.run(call, tools);
                runs.add(new ToolRun(call, o, Duration.ofNanos(System.nanoTime() - s)));
                if (o.submitted()) break;
            }
            return runs;
        }

        /** Appends the observations for the model's next request, or a nudge when it called no tool. */
        void observe(List<ToolRun> runs) {
            runs.forEach(r -> conversation.add(new Message.ToolResult(r.call().id(), r.call().name(), r.observation().text()), steps));
            if (runs.isEmpty()) conversation.add(new Message.User(prompts.noToolCall()), steps);
        }

        /** The repository's diff as the rollout's candidate, told to the listeners. */
        Candidate finish(Finished end) {
            PatchExtractor.Result extracted = extractPatch();
            Candidate candidate = Candidate.builder().instanceId(task.instanceId()).modelId(model.id()).patch(extracted.patch())
                    .reproduction(extracted.reproduction()).outcome(end.outcome()).steps(steps).usage(meter.usage())
                    .costUsd(meter.cost()).error(end.error()).wallTime(Duration.between(startedAt, clock.instant()))
                    .patchStatus(extracted.status()).patchMessage(extracted.message()).build();
            events.forEach(l -> l.onFinish(candidate));
            log.info("{}: rollout ended {} after {} steps, patch {}: {}", task.instanceId(), end.outcome(), steps,
                    candidate.patchStatus(), candidate.patchMessage());
            return candidate;
        }

        PatchExtractor.Result extractPatch() {
            PatchExtractor.Result extracted;
            try {
                extracted = new PatchExtractor(stateDir, limits.maxPatchBytes()).extract(sandbox, workdir, task.baseCommit());
            } catch (SandboxException e) {
                extracted = PatchExtractor.Result.unreadable("cannot read the patch: the sandbox failed: " + e.getMessage());
            }
            if (extracted.status() == PatchStatus.TOO_LARGE || extracted.status() == PatchStatus.UNREADABLE) {
                log.warn("{}: no patch ({}): {}", task.instanceId(), extracted.status(), extracted.message());
            }
            return extracted;
        }
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
