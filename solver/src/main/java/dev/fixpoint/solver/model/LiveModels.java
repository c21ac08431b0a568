package dev.fixpoint.solver.model;

import dev.fixpoint.models.Model;
import dev.fixpoint.models.ModelConfig;
import dev.fixpoint.models.Models;
import dev.fixpoint.models.Provider;
import dev.fixpoint.models.Usage;
import dev.fixpoint.agent.trajectory.ReplayModel;
import dev.fixpoint.models.Preflight;
import dev.fixpoint.solver.ModelSource;
import dev.fixpoint.solver.RolloutSettings;
import dev.fixpoint.tasks.Task;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A provider model (or a replayed trajectory); one client per temperature, shared by every rollout. */
public final class LiveModels implements ModelSource {

    private final ModelConfig config;
    private final Map<String, String> env;
    private final boolean judge;
    private final Map<Double, Model> byTemperature = new ConcurrentHashMap<>();

    public LiveModels(ModelConfig config, Map<String, String> env, boolean judge) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.judge = judge;
    }

    @Override
    public String label() {
        return config.id();
    }

    @Override
    public Model forRollout(Task task, RolloutSettings settings) {
        if (config.provider() == Provider.REPLAY) return ReplayModel.fromFile(Path.of(config.name())); // consumed by one rollout
        double t = settings.temperature() == null ? -1 : settings.temperature();
        return byTemperature.computeIfAbsent(t, k -> Models.open(k < 0 ? config : config.withTemperature(k), env));
    }

    @Override
    public Optional<Model> forTestWriting(Task task, int k) {
        if (config.provider() == Provider.REPLAY) return Optional.empty();
        return Optional.of(byTemperature.computeIfAbsent(0.6, t -> Models.open(config.withTemperature(t), env)));
    }

    @Override
    public Optional<Model> judge() {
        if (!judge || config.provider() == Provider.REPLAY) return Optional.empty();
        return Optional.of(byTemperature.computeIfAbsent(0.0, k -> Models.open(config.withTemperature(0.0), env)));
    }

    /** One tiny request ({@link Preflight}); nothing for a replayed trajectory. */
    @Override
    public Optional<Usage> preflight() {
        if (config.provider() == Provider.REPLAY) return Optional.empty();
        return Optional.of(Preflight.check(config, env).usage());
    }

    @Override
    public String describe() {
        return "provider " + config.provider().prefix() + ", model " + config.name()
                + (config.effectiveBaseUrl() == null ? "" : ", base URL " + config.effectiveBaseUrl());
    }
}
