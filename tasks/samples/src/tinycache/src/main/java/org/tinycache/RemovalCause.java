package org.tinycache;

/** Why an entry left the cache. */
public enum RemovalCause {
    /** Removed by {@code invalidate} or {@code invalidateAll}. */
    EXPLICIT,
    /** Its value was replaced by a {@code put} of the same key. */
    REPLACED,
    /** Evicted to respect the maximum weight. */
    SIZE,
    /** Older than the expire-after-write duration. */
    EXPIRED;

    /** Whether the entry was removed by the cache itself rather than by the user. */
    public boolean wasEvicted() {
        return this == SIZE || this == EXPIRED;
    }
}
