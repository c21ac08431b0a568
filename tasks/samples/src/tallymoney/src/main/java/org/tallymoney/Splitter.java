package org.tallymoney;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Fair allocation of an amount: the parts always add up to exactly the total, and the
 * minor units that cannot be divided evenly go to the first parts.
 */
public final class Splitter {

    private Splitter() {
    }

    /** {@code total} split into {@code parts} parts as equal as possible. */
    public static List<Money> split(Money total, int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be > 0: " + parts);
        }
        int[] ratios = new int[parts];
        Arrays.fill(ratios, 1);
        return allocate(total, ratios);
    }

    /** {@code total} allocated in proportion to {@code ratios} (all >= 0, not all 0). */
    public static List<Money> allocate(Money total, int... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("no ratios");
        }
        long ratioSum = 0;
        for (int r : ratios) {
            if (r < 0) {
                throw new IllegalArgumentException("negative ratio " + r);
            }
            ratioSum += r;
        }
        if (ratioSum == 0) {
            throw new IllegalArgumentException("ratios must not all be zero");
        }
        if (total.signum() < 0) {
            List<Money> positive = allocate(total.negate(), ratios);
            List<Money> negated = new ArrayList<>(positive.size());
            for (Money m : positive) {
                negated.add(m.negate());
            }
            return Collections.unmodifiableList(negated);
        }
        long minor = total.toMinor();
        long[] shares = new long[ratios.length];
        long remainder = minor;
        for (int i = 0; i < ratios.length; i++) {
            shares[i] = Math.multiplyExact(minor, (long) ratios[i]) / ratioSum;
            remainder -= shares[i];
        }
        for (int i = 0; remainder > 0; i = (i + 1) % ratios.length) {
            if (ratios[i] > 0) {
                shares[i]++;
                remainder--;
            }
        }
        List<Money> result = new ArrayList<>(ratios.length);
        for (long share : shares) {
            result.add(Money.ofMinor(share, total.currency()));
        }
        return Collections.unmodifiableList(result);
    }
}
