package org.sagebionetworks.accessrecords.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;

class PublisherConfigTest {

    private static final String BROKERS = "b-1.msk.example:9098";

    @Test
    void theDefaultsAreAnIdempotentCompressedBatchingProducerThatNeverBlocksItsCaller() {
        Map<String, Object> settings =
                ProducerSettings.of(PublisherConfig.builder(BROKERS).build());

        assertThat(settings)
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, BROKERS)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 20)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 65_536)
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 33_554_432L)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 0L)
                .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000)
                .doesNotContainKeys(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SaslConfigs.SASL_MECHANISM);
    }

    @Test
    void theBlockPolicyWaitsForBufferSpaceUpToMaxBlock() {
        PublisherConfig config = PublisherConfig.builder(BROKERS)
                .bufferFullPolicy(BufferFullPolicy.BLOCK)
                .maxBlock(Duration.ofMillis(250))
                .build();

        assertThat(ProducerSettings.of(config)).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 250L);
    }

    @Test
    void theMskIamSwitchGivesSaslSslWithTheIamLoginModule() {
        Map<String, Object> settings = ProducerSettings.of(
                PublisherConfig.builder(BROKERS).mskIam(true).build());

        assertThat(settings)
                .containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
                .containsEntry(SaslConfigs.SASL_MECHANISM, "AWS_MSK_IAM")
                .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, "software.amazon.msk.auth.iam.IAMLoginModule required;")
                .containsEntry(
                        SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
    }

    @Test
    void kafkaAcceptsTheSettingsWithAndWithoutMskIam() {
        // Building a producer validates every setting and, with IAM, loads the login module and callback handler
        // from the runtime dependency; nothing connects until the first send.
        for (boolean mskIam : new boolean[] {false, true}) {
            PublisherConfig config =
                    PublisherConfig.builder("localhost:1").mskIam(mskIam).build();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ProducerSettings.of(config))) {
                assertThat(producer.metrics()).isNotEmpty();
            }
        }
    }

    @Test
    void invalidValuesAreRefusedWithTheSettingsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublisherConfig.builder(" ").build())
                .withMessageContaining("bootstrapServers");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        PublisherConfig.builder(BROKERS).compression("brotli").build())
                .withMessageContaining("compression");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublisherConfig.builder(BROKERS)
                        .batchSize(65_536)
                        .bufferMemory(1024)
                        .build())
                .withMessageContaining("bufferMemory");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublisherConfig.builder(BROKERS)
                        .deliveryTimeout(Duration.ofSeconds(10))
                        .build())
                .withMessageContaining("deliveryTimeout");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublisherConfig.builder(BROKERS)
                        .maxRecordBytes(2_000_000)
                        .build())
                .withMessageContaining("maxRecordBytes");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PublisherConfig.builder(BROKERS)
                        .maxBlock(Duration.ofMillis(-1))
                        .build())
                .withMessageContaining("maxBlock");
    }
}
