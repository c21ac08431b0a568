package dev.fixpoint.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The tasks module's one JSON mapper, internal to the module (its packages share it; not an API): task files,
 * mirror maps, environment recipes. Plain Jackson: the files are read as trees.
 */
public final class TasksJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private TasksJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
