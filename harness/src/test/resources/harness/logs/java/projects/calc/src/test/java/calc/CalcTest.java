package calc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
class CalcTest {
    @Test void testAdd() { assertEquals(3, Calc.add(1, 2)); }
    @Test void testSub() { assertEquals(1, Calc.sub(3, 2)); }
}
