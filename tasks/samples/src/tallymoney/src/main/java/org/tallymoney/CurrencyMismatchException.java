package org.tallymoney;

import java.util.Currency;

/** Thrown when an operation combines amounts in different currencies. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: expected " + expected.getCurrencyCode() + ", got " + actual.getCurrencyCode());
    }
}
