package org.sagebionetworks.accessrecords.core.enrichment;

/** The {@code client} and {@code client_version} columns of one user agent. */
public record ClientOfUserAgent(String client, String clientVersion) {

    public static ClientOfUserAgent of(String userAgent) {
        Client client = ClientClassifier.classify(userAgent);
        return new ClientOfUserAgent(client.name(), ClientClassifier.version(client, userAgent));
    }
}
