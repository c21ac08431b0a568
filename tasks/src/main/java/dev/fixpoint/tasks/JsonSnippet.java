package dev.fixpoint.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON value as error messages quote it: its compact text, cut after 80 characters. */
public final class JsonSnippet {

    /** How many characters of a value an error message shows. */
    public static final int MAX = 80;

    private JsonSnippet() {}

    public static String of(JsonNode value) {
        String text = value == null ? "null" : value.toString();
        return text.length() <= MAX ? text : text.substring(0, MAX) + "...";
    }
}
