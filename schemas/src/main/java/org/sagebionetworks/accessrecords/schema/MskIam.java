package org.sagebionetworks.accessrecords.schema;

import java.util.Map;

/**
 * The Kafka client properties that authenticate with AWS MSK IAM (aws-msk-iam-auth on the class path), the same
 * for the publisher inside Synapse, the service and the tools: the task's or instance's role is the only credential.
 */
public final class MskIam {

    /** The class aws-msk-iam-auth provides; a client without it on the class path cannot start. */
    public static final String CALLBACK_HANDLER = "software.amazon.msk.auth.iam.IAMClientCallbackHandler";

    /** Property names as Kafka spells them, so that this module needs no Kafka client. */
    public static final Map<String, String> CLIENT_PROPERTIES = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "AWS_MSK_IAM",
            "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
            "sasl.client.callback.handler.class", CALLBACK_HANDLER);

    private MskIam() {}
}
