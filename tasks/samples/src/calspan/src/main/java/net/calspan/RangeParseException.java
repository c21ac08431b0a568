package net.calspan;

/** Thrown by {@link RangeParser} for text that is not a date range. */
public class RangeParseException extends IllegalArgumentException {

    private final String input;

    public RangeParseException(String message, String input, Throwable cause) {
        super(message + ": '" + input + "'", cause);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
