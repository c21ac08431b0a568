package org.tinycache;

import java.time.Duration;

/** A ticker for tests: time only moves when told to. */
final class FakeTicker implements Ticker {

    private long nanos = 1_000_000_000L;

    @Override
    public long read() {
        return nanos;
    }

    FakeTicker advance(Duration d) {
        nanos += d.toNanos();
        return this;
    }
}
