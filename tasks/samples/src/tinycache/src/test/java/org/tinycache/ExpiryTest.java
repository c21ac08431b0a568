package org.tinycache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpiryTest {

    private final FakeTicker ticker = new FakeTicker();
    private final RecordingListener<String, String> listener = new RecordingListener<>();

    private LruCache<String, String> cache(long maxWeight) {
        return LruCache.<String, String>builder()
                .maximumWeight(maxWeight)
                .weigher((k, v) -> v.length())
                .expireAfterWrite(Duration.ofMinutes(10))
                .ticker(ticker)
                .removalListener(listener)
                .build();
    }

    @Test
    void entryIsReturnedBeforeExpiry() {
        LruCache<String, String> cache = cache(100);
        cache.put("a", "x");
        ticker.advance(Duration.ofMinutes(9));
        assertEquals("x", cache.get("a"));
    }

    @Test
    void expiredEntryIsNotReturned() {
        LruCache<String, String> cache = cache(100);
        cache.put("a", "x");
        ticker.advance(Duration.ofMinutes(10));
        assertNull(cache.get("a"));
        assertEquals(List.of("a:x:EXPIRED"), listener.events);
        assertEquals(1, cache.stats().misses());
    }

    @Test
    void rewritingRestartsTheClock() {
        LruCache<String, String> cache = cache(100);
        cache.put("a", "x");
        ticker.advance(Duration.ofMinutes(8));
        cache.put("a", "y");
        ticker.advance(Duration.ofMinutes(8));
        assertEquals("y", cache.get("a"));
    }

    @Test
    void snapshotSkipsExpiredEntries() {
        LruCache<String, String> cache = cache(100);
        cache.put("old", "1");
        ticker.advance(Duration.ofMinutes(6));
        cache.put("new", "2");
        ticker.advance(Duration.ofMinutes(6));
        assertEquals(Map.of("new", "2"), cache.snapshot());
    }

    @Test
    void cleanUpRemovesExpiredEntries() {
        LruCache<String, String> cache = cache(100);
        cache.put("a", "x");
        cache.put("b", "y");
        ticker.advance(Duration.ofMinutes(11));
        cache.cleanUp();
        assertEquals(0, cache.size());
        assertEquals(List.of("a:x:EXPIRED", "b:y:EXPIRED"), listener.events);
    }
}
