package dev.fixpoint.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The agent module's one JSON mapper, internal to the module (its packages share it; not an API): trajectories and
 * tool arguments. Plain Jackson settings; thread-safe once built.
 */
public final class AgentJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private AgentJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
