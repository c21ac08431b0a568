package org.tinycache;

/** A source of nanosecond time, replaceable in tests. */
@FunctionalInterface
public interface Ticker {

    long read();

    static Ticker system() {
        return System::nanoTime;
    }
}
