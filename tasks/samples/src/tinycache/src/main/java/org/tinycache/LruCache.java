package org.tinycache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A least-recently-used cache bounded by the total weight of its entries.
 * All methods are synchronized; listeners run on the calling thread, inside the lock.
 */
public final class LruCache<K, V> {

    private static final class Entry<V> {
        final V value;
        final long weight;
        final long writtenAt;

        Entry(V value, long weight, long writtenAt) {
            this.value = value;
            this.weight = weight;
            this.writtenAt = writtenAt;
        }
    }

    private final LinkedHashMap<K, Entry<V>> map = new LinkedHashMap<>(16, 0.75f, true);
    private final long maximumWeight;
    private final Weigher<? super K, ? super V> weigher;
    private final long expireAfterWriteNanos;
    private final Ticker ticker;
    private final RemovalListener<? super K, ? super V> listener;

    private long totalWeight;
    private long hits;
    private long misses;
    private long evictions;

    private LruCache(Builder<K, V> b) {
        this.maximumWeight = b.maximumWeight;
        this.weigher = b.weigher;
        this.expireAfterWriteNanos = b.expireAfterWrite == null ? 0 : b.expireAfterWrite.toNanos();
        this.ticker = b.ticker;
        this.listener = b.listener;
    }

    public static <K, V> Builder<K, V> builder() {
        return new Builder<>();
    }

    /** The value cached for {@code key}, or null. */
    public synchronized V get(K key) {
        Objects.requireNonNull(key, "key");
        Entry<V> entry = map.get(key);
        if (entry == null) {
            misses++;
            return null;
        }
        if (isExpired(entry, ticker.read())) {
            map.remove(key);
            notify(key, entry.value, RemovalCause.EXPIRED);
            misses++;
            return null;
        }
        hits++;
        return entry.value;
    }

    /** Caches {@code value} for {@code key}, evicting least recently used entries if needed. */
    public synchronized void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        long weight = weigher.weigh(key, value);
        if (weight < 0) {
            throw new IllegalArgumentException("negative weight " + weight + " for key " + key);
        }
        if (weight > maximumWeight) {
            invalidate(key);
            notify(key, value, RemovalCause.SIZE);
            return;
        }
        Entry<V> old = map.put(key, new Entry<>(value, weight, ticker.read()));
        if (old != null) {
            notify(key, old.value, RemovalCause.REPLACED);
        }
        totalWeight += weight;
        evictIfNeeded();
    }

    /** Removes {@code key}; returns the value it had, or null. */
    public synchronized V invalidate(K key) {
        Entry<V> entry = map.remove(key);
        if (entry == null) {
            return null;
        }
        totalWeight -= entry.weight;
        notify(key, entry.value, RemovalCause.EXPLICIT);
        return entry.value;
    }

    public synchronized void invalidateAll() {
        for (K key : new ArrayList<>(map.keySet())) {
            invalidate(key);
        }
    }

    /** Removes expired entries now. */
    public synchronized void cleanUp() {
        expireEntries(ticker.read());
    }

    /** Number of entries held (expired entries count until they are cleaned up). */
    public synchronized int size() {
        return map.size();
    }

    /** Sum of the weights of the entries held. */
    public synchronized long weightedSize() {
        return totalWeight;
    }

    public long maximumWeight() {
        return maximumWeight;
    }

    public synchronized CacheStats stats() {
        return new CacheStats(hits, misses, evictions);
    }

    /** A copy of the live (unexpired) entries, least recently used first; no recency update. */
    public synchronized Map<K, V> snapshot() {
        long now = ticker.read();
        Map<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<K, Entry<V>> e : map.entrySet()) {
            if (!isExpired(e.getValue(), now)) {
                copy.put(e.getKey(), e.getValue().value);
            }
        }
        return copy;
    }

    private boolean isExpired(Entry<V> entry, long now) {
        return expireAfterWriteNanos > 0 && now - entry.writtenAt >= expireAfterWriteNanos;
    }

    private void expireEntries(long now) {
        if (expireAfterWriteNanos <= 0) {
            return;
        }
        Iterator<Map.Entry<K, Entry<V>>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, Entry<V>> e = it.next();
            if (isExpired(e.getValue(), now)) {
                it.remove();
                notify(e.getKey(), e.getValue().value, RemovalCause.EXPIRED);
            }
        }
    }

    private void evictIfNeeded() {
        if (totalWeight <= maximumWeight) {
            return;
        }
        expireEntries(ticker.read());
        Iterator<Map.Entry<K, Entry<V>>> it = map.entrySet().iterator();
        while (totalWeight > maximumWeight && it.hasNext()) {
            Map.Entry<K, Entry<V>> eldest = it.next();
            it.remove();
            totalWeight -= eldest.getValue().weight;
            evictions++;
            notify(eldest.getKey(), eldest.getValue().value, RemovalCause.SIZE);
        }
    }

    private void notify(K key, V value, RemovalCause cause) {
        if (listener != null) {
            listener.onRemoval(key, value, cause);
        }
    }

    /** Configures and builds an {@link LruCache}. */
    public static final class Builder<K, V> {
        private long maximumWeight = Long.MAX_VALUE;
        private Weigher<? super K, ? super V> weigher = Weigher.singleton();
        private Duration expireAfterWrite;
        private Ticker ticker = Ticker.system();
        private RemovalListener<? super K, ? super V> listener;

        private Builder() {
        }

        public Builder<K, V> maximumWeight(long maximumWeight) {
            if (maximumWeight < 0) {
                throw new IllegalArgumentException("maximumWeight must be >= 0");
            }
            this.maximumWeight = maximumWeight;
            return this;
        }

        /** With the default weigher every entry weighs 1, so the maximum weight is a maximum size. */
        public Builder<K, V> maximumSize(long maximumSize) {
            this.weigher = Weigher.singleton();
            return maximumWeight(maximumSize);
        }

        public Builder<K, V> weigher(Weigher<? super K, ? super V> weigher) {
            this.weigher = Objects.requireNonNull(weigher);
            return this;
        }

        public Builder<K, V> expireAfterWrite(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("expireAfterWrite must be positive");
            }
            this.expireAfterWrite = duration;
            return this;
        }

        public Builder<K, V> ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker);
            return this;
        }

        public Builder<K, V> removalListener(RemovalListener<? super K, ? super V> listener) {
            this.listener = listener;
            return this;
        }

        public LruCache<K, V> build() {
            return new LruCache<>(this);
        }
    }
}
