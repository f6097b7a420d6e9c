package org.sagebionetworks.accessrecords.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.MskIam;

class KafkaClientSettingsTest {

    @Test
    void withoutMskIamClientsConnectInPlainText() {
        KafkaClientSettings settings = KafkaClientSettings.of("b-1:9092", false);

        assertThat(settings.common()).containsOnlyKeys(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    @Test
    void theMskIamSwitchGivesEveryClientSaslSslWithTheIamLoginModule() throws ClassNotFoundException {
        KafkaClientSettings settings = KafkaClientSettings.of("b-1:9098", true);

        assertThat(settings.common())
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "AWS_MSK_IAM")
                .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry(
                        SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        assertThat(Class.forName(MskIam.CALLBACK_HANDLER))
                .as("aws-msk-iam-auth ships")
                .isNotNull();
    }

    @Test
    void anEmptyBootstrapAddressIsRefusedWithWhatToSet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KafkaClientSettings.of(" ", false))
                .withMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
