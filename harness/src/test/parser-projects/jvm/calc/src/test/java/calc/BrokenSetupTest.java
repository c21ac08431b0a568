package calc;

import org.junit.BeforeClass;
import org.junit.Test;

/** A class whose setup throws: JUnit reports the class, not its tests. */
public class BrokenSetupTest {
    @BeforeClass public static void setUp() { throw new IllegalStateException("setup fails on purpose"); }

    @Test public void neverRuns() { }
}
