package org.tinycache;

import java.util.ArrayList;
import java.util.List;

/** Records removal notifications as "key:value:CAUSE". */
final class RecordingListener<K, V> implements RemovalListener<K, V> {

    final List<String> events = new ArrayList<>();

    @Override
    public void onRemoval(K key, V value, RemovalCause cause) {
        events.add(key + ":" + value + ":" + cause);
    }
}
