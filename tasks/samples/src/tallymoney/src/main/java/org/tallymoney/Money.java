package org.tallymoney;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always held at the currency's number of decimals
 * ({@link Currency#getDefaultFractionDigits()}): EUR 12.50, JPY 1000, BHD 1.250.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        this.amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /** {@code amount} in {@code currencyCode}; rejects more decimals than the currency has. */
    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException(
                    amount + " has more decimals than " + currency.getCurrencyCode() + " allows");
        }
        return new Money(amount, currency);
    }

    public static Money zero(String currencyCode) {
        return of(BigDecimal.ZERO, Currency.getInstance(currencyCode));
    }

    /** The amount given in minor units (cents, fils...) of the currency. */
    public static Money ofMinor(long minorUnits, String currencyCode) {
        return ofMinor(minorUnits, Currency.getInstance(currencyCode));
    }

    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(BigDecimal.valueOf(minorUnits).movePointLeft(2), currency);
    }

    /** This amount in minor units of its currency (EUR 12.34 is 1234). */
    public long toMinor() {
        return amount.movePointRight(2).longValueExact();
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount times {@code factor}, rounded half-up to the currency's decimals. */
    public Money times(BigDecimal factor) {
        return times(factor, RoundingMode.HALF_UP);
    }

    public Money times(BigDecimal factor, RoundingMode rounding) {
        BigDecimal product = amount.multiply(factor).setScale(currency.getDefaultFractionDigits(), rounding);
        return new Money(product, currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency.equals(currency) && m.amount.equals(amount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, currency);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
