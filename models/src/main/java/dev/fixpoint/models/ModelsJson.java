package dev.fixpoint.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The models module's one JSON mapper (price table, context windows, a person's typed answers). Plain settings. */
final class ModelsJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ModelsJson() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
