package calc;

import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Names with spaces, brackets and a {@code >} in them. */
@RunWith(Parameterized.class)
public class ParameterizedAddTest {
    @Parameters(name = "{0} + {1} > {2}")
    public static Collection<Object[]> data() {
        return Arrays.asList(new Object[][] {{1, 1, 2}, {2, 3, 5}, {3, 3, 7}});
    }

    private final int a, b, sum;

    public ParameterizedAddTest(int a, int b, int sum) { this.a = a; this.b = b; this.sum = sum; }

    @Test public void add() { assertEquals(sum, new Calculator().add(a, b)); }
}
