package org.sagebionetworks.accessrecords.core.enrichment;

/**
 * The calling client, as the Glue job names it in the {@code client} column. {@link #userAgentToken} is the
 * product token whose {@code token/version} gives {@code client_version}; WEB and JAVA resolve theirs
 * specially (see {@link ClientClassifier}).
 */
public enum Client {
    WEB("Synapse-Web-Client"),
    JAVA("Synapse-Java-Client"),
    SYNAPSER("synapser"),
    R("synapseRClient"),
    COMMAND_LINE("synapsecommandlineclient"),
    PYTHON("synapseclient"),
    ELB_HEALTHCHECKER("ELB-HealthChecker"),
    STACK("SynapseRepositoryStack"),
    UNKNOWN(null);

    private final String userAgentToken;

    Client(String userAgentToken) {
        this.userAgentToken = userAgentToken;
    }

    String userAgentToken() {
        return userAgentToken;
    }
}
