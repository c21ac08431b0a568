package org.tinycache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LruCacheTest {

    private final RecordingListener<String, String> listener = new RecordingListener<>();

    private LruCache<String, String> byLength(long max) {
        return LruCache.<String, String>builder()
                .maximumWeight(max)
                .weigher((k, v) -> v.length())
                .removalListener(listener)
                .build();
    }

    @Test
    void getReturnsWhatWasPut() {
        LruCache<String, String> cache = byLength(100);
        cache.put("a", "alpha");
        assertEquals("alpha", cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(5, cache.weightedSize());
    }

    @Test
    void evictsLeastRecentlyUsedWhenOverWeight() {
        LruCache<String, String> cache = byLength(100);
        cache.put("a", "a".repeat(40));
        cache.put("b", "b".repeat(40));
        cache.get("a");
        cache.put("c", "c".repeat(40));
        assertNull(cache.get("b"));
        assertEquals(List.of("a", "c"), List.copyOf(cache.snapshot().keySet()));
        assertEquals(80, cache.weightedSize());
        assertEquals(List.of("b:" + "b".repeat(40) + ":SIZE"), listener.events);
    }

    @Test
    void maximumSizeCountsEntries() {
        LruCache<Integer, String> cache = LruCache.<Integer, String>builder().maximumSize(3).build();
        for (int i = 0; i < 5; i++) {
            cache.put(i, "v" + i);
        }
        assertEquals(List.of(2, 3, 4), List.copyOf(cache.snapshot().keySet()));
        assertEquals(2, cache.stats().evictions());
    }

    @Test
    void replacingAValueNotifiesReplaced() {
        LruCache<String, String> cache = byLength(100);
        cache.put("k", "old");
        cache.put("k", "new");
        assertEquals("new", cache.get("k"));
        assertEquals(1, cache.size());
        assertEquals(List.of("k:old:REPLACED"), listener.events);
    }

    @Test
    void invalidateReleasesWeight() {
        LruCache<String, String> cache = byLength(100);
        cache.put("a", "aaaa");
        cache.put("b", "bb");
        assertEquals("aaaa", cache.invalidate("a"));
        assertNull(cache.invalidate("a"));
        assertEquals(2, cache.weightedSize());
        cache.invalidateAll();
        assertEquals(0, cache.weightedSize());
        assertEquals(0, cache.size());
        assertEquals(List.of("a:aaaa:EXPLICIT", "b:bb:EXPLICIT"), listener.events);
    }

    @Test
    void entryHeavierThanMaximumIsNotCached() {
        LruCache<String, String> cache = byLength(10);
        cache.put("small", "12345");
        cache.put("big", "x".repeat(11));
        assertNull(cache.get("big"));
        assertEquals("12345", cache.get("small"));
        assertEquals(List.of("big:" + "x".repeat(11) + ":SIZE"), listener.events);
    }

    @Test
    void negativeWeightIsRejected() {
        LruCache<String, String> cache = LruCache.<String, String>builder().weigher((k, v) -> -1).build();
        assertThrows(IllegalArgumentException.class, () -> cache.put("a", "b"));
    }

    @Test
    void statsCountHitsAndMisses() {
        LruCache<String, String> cache = byLength(100);
        cache.put("a", "1");
        cache.get("a");
        cache.get("a");
        cache.get("z");
        CacheStats stats = cache.stats();
        assertEquals(2, stats.hits());
        assertEquals(1, stats.misses());
        assertEquals(2.0 / 3.0, stats.hitRate(), 1e-9);
    }
}
