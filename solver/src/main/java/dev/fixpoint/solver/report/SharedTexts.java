package dev.fixpoint.solver.report;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Long texts repeated across rollouts (the system prompt), stored once in the page and referred to by index. */
final class SharedTexts {

    private final Map<String, Integer> index = new LinkedHashMap<>();

    synchronized int ref(String text) {
        return index.computeIfAbsent(text, t -> index.size());
    }

    synchronized ArrayNode toJson() {
        ArrayNode a = SafeJson.mapper().createArrayNode();
        index.keySet().forEach(a::add);
        return a;
    }
}
