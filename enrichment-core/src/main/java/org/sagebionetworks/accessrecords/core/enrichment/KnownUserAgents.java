package org.sagebionetworks.accessrecords.core.enrichment;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The clients of the user agents seen lately, looked up by the user agent's UTF-8 bytes where they lie in the raw
 * record, so a known one costs neither a String nor a classification. A day's traffic comes from a few thousand
 * distinct user agents, and classifying one was about half of enrichment. Bounded: it starts over when full, so a
 * flood of distinct user agents costs the classification, never memory. One per thread.
 */
public final class KnownUserAgents {

    /** Room for a day's distinct user agents several times over, at ~100 bytes each. */
    static final int CAPACITY = 4096;
    /** Twice the capacity, a power of two: probes stay short. */
    private static final int SLOTS = 2 * CAPACITY;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;

    private final byte[][] userAgents = new byte[SLOTS][];
    private final ClientOfUserAgent[] clients = new ClientOfUserAgent[SLOTS];
    private int size;

    /** The client of the user agent whose UTF-8 bytes are {@code utf8[start, end)}. */
    public ClientOfUserAgent clientOf(byte[] utf8, int start, int end) {
        int slot = slotOf(hash(utf8, start, end));
        for (byte[] known = userAgents[slot]; known != null; known = userAgents[slot]) {
            if (Arrays.equals(known, 0, known.length, utf8, start, end)) {
                return clients[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        return remember(slot, Arrays.copyOfRange(utf8, start, end));
    }

    private ClientOfUserAgent remember(int freeSlot, byte[] userAgent) {
        int slot = freeSlot;
        if (size >= CAPACITY) {
            Arrays.fill(userAgents, null);
            Arrays.fill(clients, null);
            size = 0;
            slot = slotOf(hash(userAgent, 0, userAgent.length));
        }
        ClientOfUserAgent client = ClientOfUserAgent.of(new String(userAgent, StandardCharsets.UTF_8));
        userAgents[slot] = userAgent;
        clients[slot] = client;
        size++;
        return client;
    }

    /** Eight bytes a step, each word mixed in by a multiply: user agents run to a hundred bytes and more. */
    private static long hash(byte[] bytes, int start, int end) {
        long hash = end - start;
        int at = start;
        for (; at + Long.BYTES <= end; at += Long.BYTES) {
            hash = (hash ^ (long) WORDS.get(bytes, at)) * MULTIPLIER;
        }
        for (; at < end; at++) {
            hash = (hash ^ bytes[at]) * MULTIPLIER;
        }
        return hash ^ (hash >>> 29);
    }

    private static int slotOf(long hash) {
        return (int) (hash >>> 40) & (SLOTS - 1);
    }

    int size() {
        return size;
    }
}
