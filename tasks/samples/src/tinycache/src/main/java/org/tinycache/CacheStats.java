package org.tinycache;

/** Counters since the cache was built. */
public record CacheStats(long hits, long misses, long evictions) {

    public long requests() {
        return hits + misses;
    }

    public double hitRate() {
        return requests() == 0 ? 1.0 : (double) hits / requests();
    }
}
