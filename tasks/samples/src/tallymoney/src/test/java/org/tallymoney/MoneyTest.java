package org.tallymoney;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsAreHeldAtTheCurrencyDecimals() {
        assertEquals("EUR 12.50", Money.of("12.5", "EUR").toString());
        assertEquals("JPY 1000", Money.of("1000", "JPY").toString());
        assertEquals("BHD 1.250", Money.of("1.25", "BHD").toString());
        assertEquals(Money.of("12.5", "EUR"), Money.of("12.500", "EUR"));
    }

    @Test
    void tooManyDecimalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("10.5", "JPY"));
    }

    @Test
    void plusAndMinus() {
        Money a = Money.of("10.25", "EUR");
        Money b = Money.of("0.80", "EUR");
        assertEquals(Money.of("11.05", "EUR"), a.plus(b));
        assertEquals(Money.of("9.45", "EUR"), a.minus(b));
        assertEquals(Money.of("-9.45", "EUR"), b.minus(a).plus(Money.zero("EUR")));
    }

    @Test
    void mixingCurrenciesFails() {
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")));
    }

    @Test
    void timesRoundsToTheCurrencyDecimals() {
        assertEquals(Money.of("1.56", "EUR"), Money.of("10.00", "EUR").times(new BigDecimal("0.1555")));
        assertEquals(Money.of("1.55", "EUR"), Money.of("10.00", "EUR").times(new BigDecimal("0.1555"), RoundingMode.DOWN));
        assertEquals(Money.of("156", "JPY"), Money.of("1000", "JPY").times(new BigDecimal("0.1555")));
    }

    @Test
    void centsRoundTrip() {
        assertEquals(1234, Money.of("12.34", "EUR").toMinor());
        assertEquals(-5, Money.of("-0.05", "USD").toMinor());
        assertEquals(Money.of("12.34", "EUR"), Money.ofMinor(1234, "EUR"));
    }

    @Test
    void ordering() {
        assertTrue(Money.of("2.00", "EUR").compareTo(Money.of("10.00", "EUR")) < 0);
        assertTrue(Money.zero("EUR").isZero());
    }
}
