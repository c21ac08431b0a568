package dev.fixpoint.tasks.env;

import dev.fixpoint.tasks.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolutions of a list of tasks, in task order.
 *
 * @param all one per task
 */
public record Resolutions(List<Resolution> all) {

    public Resolutions {
        all = List.copyOf(all);
    }

    /** The resolved tasks, with their environments, in order. */
    public List<Task> tasks() {
        return all.stream().filter(Resolution::resolved).map(Resolution::task).toList();
    }

    /** The tasks without an environment, with why. */
    public List<Resolution> unresolved() {
        return all.stream().filter(r -> !r.resolved()).toList();
    }

    /** The distinct image recipes, by image name, in order of first use; with the ids of the tasks using each. */
    public Map<EnvironmentRecipe, List<String>> recipes() {
        Map<String, EnvironmentRecipe> byImage = new LinkedHashMap<>();
        Map<EnvironmentRecipe, List<String>> users = new LinkedHashMap<>();
        for (Resolution r : all) {
            if (r.recipe() == null) {
                continue;
            }
            EnvironmentRecipe recipe = byImage.computeIfAbsent(r.recipe().image(), k -> r.recipe());
            users.computeIfAbsent(recipe, k -> new ArrayList<>()).add(r.task().instanceId());
        }
        return users;
    }
}
