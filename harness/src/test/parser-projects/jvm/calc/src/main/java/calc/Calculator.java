package calc;

/** A calculator with one bug on purpose: {@link #subtract} adds. */
public final class Calculator {
    public int add(int a, int b) { return a + b; }
    public int subtract(int a, int b) { return a + b; }
    public int divide(int a, int b) { return a / b; }
}
