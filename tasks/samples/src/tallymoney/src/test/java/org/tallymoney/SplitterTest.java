package org.tallymoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitterTest {

    private static List<Money> eur(String... amounts) {
        return java.util.Arrays.stream(amounts).map(a -> Money.of(a, "EUR")).toList();
    }

    @Test
    void splitGivesLeftoverCentsToTheFirstParts() {
        assertEquals(eur("33.34", "33.33", "33.33"), Splitter.split(Money.of("100.00", "EUR"), 3));
        assertEquals(eur("0.02", "0.02", "0.01", "0.01"), Splitter.split(Money.of("0.06", "EUR"), 4));
    }

    @Test
    void allocateByRatios() {
        assertEquals(eur("70.00", "20.00", "10.00"), Splitter.allocate(Money.of("100.00", "EUR"), 70, 20, 10));
        assertEquals(eur("0.02", "0.03"), Splitter.allocate(Money.of("0.05", "EUR"), 3, 7));
    }

    @Test
    void zeroRatioGetsNothing() {
        assertEquals(eur("5.01", "0.00", "5.00"), Splitter.allocate(Money.of("10.01", "EUR"), 1, 0, 1));
    }

    @Test
    void negativeAmountsAreSplitSymmetrically() {
        assertEquals(eur("-33.34", "-33.33", "-33.33"), Splitter.split(Money.of("-100.00", "EUR"), 3));
    }

    @Test
    void partsAlwaysAddUpToTheTotal() {
        Money total = Money.of("1234.57", "USD");
        for (int n = 1; n <= 12; n++) {
            Money sum = Money.zero("USD");
            for (Money part : Splitter.split(total, n)) {
                sum = sum.plus(part);
            }
            assertEquals(total, sum, "n=" + n);
        }
    }

    @Test
    void badArguments() {
        Money m = Money.of("1.00", "EUR");
        assertThrows(IllegalArgumentException.class, () -> Splitter.split(m, 0));
        assertThrows(IllegalArgumentException.class, () -> Splitter.allocate(m));
        assertThrows(IllegalArgumentException.class, () -> Splitter.allocate(m, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Splitter.allocate(m, 1, -1));
    }
}
