package org.sagebionetworks.accessrecords.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.sagebionetworks.accessrecords.testsupport.KafkaCluster;
import picocli.CommandLine;

/** One run of load-archive in this JVM, as a user types it, against the test broker and the test bucket. */
record LoaderRun(int exitCode, JsonNode summary, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The topics one test loads into; the raw topic keeps records of any age, as the loader requires. */
    record Topics(String raw, String deadLetter, String progress) {
        static Topics named() {
            return new Topics(
                    KafkaCluster.uniqueName("raw"),
                    KafkaCluster.uniqueName("dlq"),
                    KafkaCluster.uniqueName("progress"));
        }

        static Topics create() {
            return named().create(Map.of("retention.ms", "-1"));
        }

        /** Creates the raw and dead-letter topics and waits until the broker lists them, as the loader checks. */
        Topics create(Map<String, String> rawConfig) {
            KafkaCluster.createTopic(raw, 2, rawConfig);
            // As the enricher creates it: the enricher refuses to start on a dead-letter topic without room for the
            // largest raw record and its reason headers (ArchiveAndLiveOverlapIT runs one on these topics).
            KafkaCluster.createTopic(deadLetter, 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"));
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaCluster.bootstrapServers()))) {
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!admin.listTopics().names().get().containsAll(List.of(raw, deadLetter))) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("topics not listed after 30 s");
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return this;
        }
    }

    /** The arguments every run shares: where the bucket, the broker and the topics are. */
    static List<String> commonArguments(ArchiveBucket bucket, Topics topics, String bootstrapServers) {
        return List.of(
                "--bucket",
                ArchiveBucket.NAME,
                "--endpoint",
                bucket.endpoint(),
                "--region",
                "us-east-1",
                "--bootstrap-servers",
                bootstrapServers,
                "--raw-topic",
                topics.raw(),
                "--dead-letter-topic",
                topics.deadLetter(),
                "--progress-topic",
                topics.progress(),
                "--progress-replication-factor",
                "1",
                "--kafka-timeout",
                "PT30S");
    }

    static LoaderRun of(ArchiveBucket bucket, Topics topics, String... args) {
        List<String> all = new ArrayList<>(commonArguments(bucket, topics, KafkaCluster.bootstrapServers()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = new CommandLine(new LoadArchiveCommand()
                        .withStreams(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(all.toArray(String[]::new));
        return parse(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static LoaderRun parse(int exitCode, String stdout, String stderr) {
        return new LoaderRun(exitCode, summary(stdout), stderr);
    }

    long count(String field) {
        return summary.get(field).asLong();
    }

    private static JsonNode summary(String stdout) {
        try {
            return stdout.isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(stdout).get("summary");
        } catch (IOException e) {
            throw new UncheckedIOException("not a summary: " + stdout, e);
        }
    }
}
