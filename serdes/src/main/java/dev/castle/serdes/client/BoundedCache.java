package dev.castle.serdes.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A least-recently-used map of at most {@code capacity} entries, each kept for {@code ttl} ({@code null}: until
 * evicted). Thread-safe; small critical sections, no loading under the lock.
 */
final class BoundedCache<K, V> {
    private record Entry<V>(V value, long expiresAt) {}

    private final Map<K, Entry<V>> entries;
    private final long ttlNanos;
    private final LongSupplier clock;

    BoundedCache(int capacity, Duration ttl) {
        this(capacity, ttl, System::nanoTime);
    }

    BoundedCache(int capacity, Duration ttl, LongSupplier clock) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > capacity;
            }
        };
        this.ttlNanos = ttl == null ? Long.MAX_VALUE : ttl.toNanos();
        this.clock = clock;
    }

    /** The value of {@code key}, or null when absent or expired. */
    synchronized V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.getAsLong() - entry.expiresAt() >= 0 && ttlNanos != Long.MAX_VALUE) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    synchronized void put(K key, V value) {
        long expiresAt = ttlNanos == Long.MAX_VALUE ? Long.MAX_VALUE : clock.getAsLong() + ttlNanos;
        entries.put(key, new Entry<>(value, expiresAt));
    }

    synchronized int size() {
        return entries.size();
    }
}
