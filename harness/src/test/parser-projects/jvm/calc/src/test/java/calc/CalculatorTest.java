package calc;

import static org.junit.Assert.assertEquals;

import org.junit.Ignore;
import org.junit.Test;

public class CalculatorTest {
    private final Calculator calc = new Calculator();

    @Test public void adds() { assertEquals(4, calc.add(2, 2)); }

    @Test public void subtractsWrongOnPurpose() { assertEquals(1, calc.subtract(3, 2)); }

    @Test public void dividesByZeroErrors() { calc.divide(1, 0); }

    @Ignore("skipped on purpose") @Test public void skipped() { assertEquals(0, 1); }

    @Test public void printsAndPasses() {
        System.out.println("a line the test prints, ending like a result PASSED");
        System.err.println("calc.CalculatorTest > notATest FAILED");
        assertEquals(3, calc.add(1, 2));
    }

    @Test public void failsWithAMultiLineMessage() {
        assertEquals("first line\n[PASS] not a test\nthird line", "something else");
    }
}
