package org.sagebionetworks.accessrecords.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sagebionetworks.accessrecords.kafka.DeadLetterHeaders;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;

/** The packaged jar's {@code redrive}: a service's dead letter back on the raw topic, its key and bytes unchanged. */
@ExtendWith(KafkaCluster.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RedriveJarIT {

    private static final Path JAR = Path.of("target/enricher-service.jar");

    @TempDir
    Path work;

    @Test
    void theJarRedrivesADeadLetterToTheRawTopic() throws Exception {
        String deadLetter = KafkaCluster.uniqueName("dlq");
        String raw = KafkaCluster.uniqueName("raw");
        KafkaCluster.createTopic(deadLetter, 1, Map.of());
        KafkaCluster.createTopic(raw, 1, Map.of());
        RecordHeaders headers = new RecordHeaders();
        DeadLetterHeaders.add(headers, "MISSING_FIELD", "no userId", raw, 0, 7, 1_000L);
        try (KafkaProducer<byte[], byte[]> producer = KafkaCluster.producer(Map.of())) {
            producer.send(new ProducerRecord<>(deadLetter, null, null, utf8("s-1"), utf8("{\"fixed\":1}"), headers))
                    .get(30, TimeUnit.SECONDS);
        }

        Process redrive = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        JAR.toString(),
                        "redrive",
                        "--from-topic",
                        deadLetter,
                        "--raw-topic",
                        raw,
                        "--bootstrap-servers",
                        KafkaCluster.bootstrapServers(),
                        "--progress-topic",
                        KafkaCluster.uniqueName("redrive-progress"))
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("redrive.log").toFile())
                .start();
        assertThat(redrive.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("redrive.log"));
        assertThat(redrive.exitValue()).as(log).isZero();
        assertThat(log).contains("\"redriven\":1");

        try (KafkaConsumer<byte[], byte[]> rows = KafkaCluster.readCommittedConsumer(raw)) {
            List<ConsumerRecord<byte[], byte[]>> copies =
                    KafkaCluster.readUntil(rows, read -> !read.isEmpty(), Duration.ofSeconds(30), Duration.ZERO);
            assertThat(copies).singleElement().satisfies(copy -> {
                assertThat(copy.key()).isEqualTo(utf8("s-1"));
                assertThat(copy.value()).isEqualTo(utf8("{\"fixed\":1}"));
            });
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
