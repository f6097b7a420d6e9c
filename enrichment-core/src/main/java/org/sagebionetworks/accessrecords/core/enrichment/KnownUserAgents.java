package org.sagebionetworks.accessrecords.core.enrichment;

import java.util.HashMap;
import java.util.Map;

/**
 * The clients of the user agents seen lately. A day's traffic comes from a few thousand distinct user agents, and
 * classifying one is the costliest step of enrichment (about half of it), so each is classified once. Bounded: it
 * starts over when full, so a flood of distinct user agents costs the classification, never memory. One per
 * thread.
 */
public final class KnownUserAgents {

    /** Room for a day's distinct user agents several times over, at ~100 bytes each. */
    static final int CAPACITY = 4096;

    private final Map<String, ClientOfUserAgent> clients = new HashMap<>();

    public ClientOfUserAgent clientOf(String userAgent) {
        if (userAgent == null) {
            return ClientOfUserAgent.of(null);
        }
        ClientOfUserAgent known = clients.get(userAgent);
        if (known != null) {
            return known;
        }
        if (clients.size() >= CAPACITY) {
            clients.clear();
        }
        ClientOfUserAgent client = ClientOfUserAgent.of(userAgent);
        clients.put(userAgent, client);
        return client;
    }

    int size() {
        return clients.size();
    }
}
