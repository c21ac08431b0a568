package org.tinycache;

/** Computes the weight of an entry; weights must be >= 0 and must not change while cached. */
@FunctionalInterface
public interface Weigher<K, V> {

    long weigh(K key, V value);

    static <K, V> Weigher<K, V> singleton() {
        return (k, v) -> 1;
    }
}
