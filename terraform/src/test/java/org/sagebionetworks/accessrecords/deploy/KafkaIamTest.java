package org.sagebionetworks.accessrecords.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/**
 * What the enricher's task role and the connector's role may do on MSK, evaluated on concrete resource names:
 * the internal topic, transactional id and group names below are the ones Kafka Streams and Connect really use,
 * and the redrive task's are {@link SharedNames}', which the command uses.
 */
class KafkaIamTest {

    private static final TerraformConfig TF = TerraformConfig.load();
    private static final Map<String, String> V1 = PipelineNames.bindings(TF, "v1");
    private static final String APP = V1.get("each.value.application_id");
    private static final String TOPIC = V1.get("local.kafka_topic_arn") + "/";
    private static final String GROUP = V1.get("local.kafka_group_arn") + "/";
    private static final String TRANSACTIONAL_ID = V1.get("local.kafka_transactional_arn") + "/";

    @Test
    void theEnricherJoinsTheClusterAndWritesIdempotently() {
        IamPolicy enricher = IamPolicy.of(TF, "enricher", V1);

        for (String action : new String[] {"Connect", "DescribeCluster", "WriteDataIdempotently"}) {
            assertThat(enricher.allows("kafka-cluster:" + action, PipelineNames.CLUSTER_ARN))
                    .as(action)
                    .isTrue();
        }
    }

    @Test
    void theEnricherReadsRawAndWritesProcessedAndDeadLetters() {
        IamPolicy enricher = IamPolicy.of(TF, "enricher", V1);

        assertThat(enricher.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.raw"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.processed.v1"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.raw.dlq"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:CreateTopic", TOPIC + "synapse.accessrecords.processed.v1"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.raw"))
                .isFalse();
        assertThat(enricher.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.processed.v2"))
                .isFalse();
    }

    @Test
    void theEnricherReadsTheSizeLimitsOfTheTopicsItChecksAtStartup() {
        IamPolicy enricher = IamPolicy.of(TF, "enricher", V1);

        for (String topic : new String[] {
            "synapse.accessrecords.raw", "synapse.accessrecords.processed.v1", "synapse.accessrecords.raw.dlq"
        }) {
            assertThat(enricher.allows("kafka-cluster:DescribeTopicDynamicConfiguration", TOPIC + topic))
                    .as(topic)
                    .isTrue();
        }
    }

    @Test
    void theEnricherOnlyReadsItsOwnHistoryTopic() {
        IamPolicy enricher = IamPolicy.of(TF, "enricher", V1);

        assertThat(enricher.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.history.v1"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:DescribeTopic", TOPIC + "synapse.accessrecords.history.v1"))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.history.v1"))
                .isFalse();
        assertThat(enricher.allows("kafka-cluster:CreateTopic", TOPIC + "synapse.accessrecords.history.v1"))
                .isFalse();
        assertThat(enricher.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.history.v2"))
                .isFalse();
    }

    @Test
    void theEnricherOwnsItsInternalTopicsGroupAndTransactionalIds() {
        IamPolicy enricher = IamPolicy.of(TF, "enricher", V1);
        String changelog = TOPIC + APP + "-dedup-store-changelog";

        for (String action : new String[] {"CreateTopic", "DescribeTopic", "AlterTopic", "ReadData", "WriteData"}) {
            assertThat(enricher.allows("kafka-cluster:" + action, changelog))
                    .as(action)
                    .isTrue();
        }
        assertThat(enricher.allows("kafka-cluster:DeleteTopic", changelog))
                .as("DeleteRecords on its changelogs")
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:DeleteTopic", TOPIC + "synapse.accessrecords.raw"))
                .isFalse();
        assertThat(enricher.allows(
                        "kafka-cluster:DeleteTopic", TOPIC + "synapse-access-records-v2-dedup-store-changelog"))
                .isFalse();
        assertThat(enricher.allows("kafka-cluster:AlterGroup", GROUP + APP)).isTrue();
        assertThat(enricher.allows("kafka-cluster:DescribeGroup", GROUP + APP)).isTrue();
        String threadProducer = TRANSACTIONAL_ID + APP + "-5f8c2a6e-0d7e-4a8e-9a4b-1f2c3d4e5f60-1";
        assertThat(enricher.allows("kafka-cluster:DescribeTransactionalId", threadProducer))
                .isTrue();
        assertThat(enricher.allows("kafka-cluster:AlterTransactionalId", threadProducer))
                .isTrue();
        assertThat(enricher.allows(
                        "kafka-cluster:AlterTransactionalId", TRANSACTIONAL_ID + "synapse-access-records-v2-x"))
                .isFalse();
        assertThat(enricher.allows("kafka-cluster:AlterGroup", GROUP + "synapse-access-records-v2"))
                .isFalse();
    }

    @Test
    void theConnectorReadsProcessedWritesItsDeadLettersAndTheLakeFolderOfItsVersion() {
        IamPolicy sink = IamPolicy.of(TF, "sink", V1);
        String connectorGroup = GROUP + "connect-" + V1.get("each.value.connector_name");

        assertThat(sink.allows("kafka-cluster:Connect", PipelineNames.CLUSTER_ARN))
                .isTrue();
        assertThat(sink.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.processed.v1"))
                .isTrue();
        assertThat(sink.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.sink.dlq"))
                .isTrue();
        assertThat(sink.allows("kafka-cluster:AlterGroup", connectorGroup)).isTrue();
        assertThat(sink.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.processed.v1"))
                .isFalse();
        String lake = "arn:aws:s3:::" + PipelineNames.LAKE_BUCKET;
        assertThat(sink.allows(
                        "s3:PutObject",
                        lake + "/processed/v1/synapse.accessrecords.processed.v1/year=2026/"
                                + "month=11/day=23/synapse.accessrecords.processed.v1+0+0000000000.snappy.parquet"))
                .isTrue();
        assertThat(sink.allows("s3:PutObject", lake + "/processed/v2/x.parquet"))
                .isFalse();
        assertThat(sink.allows("s3:ListBucket", lake)).isTrue();
    }

    @Test
    void redriveReadsTheDeadLettersAndWritesOnlyTheRawTopicAndItsProgress() {
        IamPolicy redrive = IamPolicy.of(TF, "redrive", redriveBindings());
        String progress = TOPIC + SharedNames.REDRIVE_PROGRESS_TOPIC;

        for (String deadLetters : new String[] {SharedNames.DEAD_LETTER_TOPIC, SharedNames.SINK_DEAD_LETTER_TOPIC}) {
            assertThat(redrive.allows("kafka-cluster:ReadData", TOPIC + deadLetters))
                    .as(deadLetters)
                    .isTrue();
            assertThat(redrive.allows("kafka-cluster:WriteData", TOPIC + deadLetters))
                    .as(deadLetters)
                    .isFalse();
        }
        assertThat(redrive.allows("kafka-cluster:WriteData", TOPIC + SharedNames.RAW_TOPIC))
                .isTrue();
        assertThat(redrive.allows("kafka-cluster:ReadData", TOPIC + SharedNames.RAW_TOPIC))
                .isFalse();
        for (String action : new String[] {"CreateTopic", "DescribeTopic", "ReadData", "WriteData"}) {
            assertThat(redrive.allows("kafka-cluster:" + action, progress))
                    .as(action)
                    .isTrue();
        }
        assertThat(redrive.allows("kafka-cluster:CreateTopic", TOPIC + SharedNames.RAW_TOPIC))
                .isFalse();
        assertThat(redrive.allows("kafka-cluster:WriteData", TOPIC + "synapse.accessrecords.processed.v1"))
                .isFalse();
        assertThat(redrive.allows("kafka-cluster:WriteDataIdempotently", PipelineNames.CLUSTER_ARN))
                .isTrue();
    }

    @Test
    void redriveOwnsOneTransactionalIdPerDeadLetterTopic() {
        IamPolicy redrive = IamPolicy.of(TF, "redrive", redriveBindings());
        String own = TRANSACTIONAL_ID + SharedNames.REDRIVE_TRANSACTIONAL_ID_PREFIX + SharedNames.DEAD_LETTER_TOPIC;

        assertThat(redrive.allows("kafka-cluster:AlterTransactionalId", own)).isTrue();
        assertThat(redrive.allows("kafka-cluster:DescribeTransactionalId", own)).isTrue();
        assertThat(redrive.allows(
                        "kafka-cluster:AlterTransactionalId",
                        TRANSACTIONAL_ID + SharedNames.REDRIVE_TRANSACTIONAL_ID_PREFIX + "some.other.topic"))
                .isFalse();
        assertThat(redrive.allows(
                        "kafka-cluster:AlterTransactionalId",
                        TRANSACTIONAL_ID + "synapse-access-records-archive-loader-0a1b2c3d"))
                .isFalse();
        assertThat(redrive.allows("kafka-cluster:AlterTransactionalId", TRANSACTIONAL_ID + APP + "-x-1"))
                .isFalse();
    }

    /** The redrive policy also names its progress topic, a literal local of its own. */
    private static Map<String, String> redriveBindings() {
        Map<String, String> bindings = new HashMap<>(V1);
        bindings.put("local.redrive_progress_topic", PipelineNames.literalLocal(TF, "redrive_progress_topic"));
        return bindings;
    }

    @Test
    void theDeadLetterArchiveReadsOnlyTheDeadLetterTopicsWithItsGroupAndWritesOnlyItsFolder() {
        Map<String, String> bindings = new HashMap<>(V1);
        bindings.put("local.dead_letter_archive_group", "connect-stack-dead-letter-archive");
        bindings.put("local.dead_letter_archive.archive_dir", "dead-letters");
        IamPolicy archive = IamPolicy.of(TF, "dead_letter_archive", bindings);
        String lake = "arn:aws:s3:::" + PipelineNames.LAKE_BUCKET;

        for (String topic : new String[] {"synapse.accessrecords.raw.dlq", "synapse.accessrecords.sink.dlq"}) {
            assertThat(archive.allows("kafka-cluster:ReadData", TOPIC + topic))
                    .as(topic)
                    .isTrue();
            assertThat(archive.allows("kafka-cluster:WriteData", TOPIC + topic))
                    .as(topic)
                    .isFalse();
        }
        assertThat(archive.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.raw"))
                .isFalse();
        assertThat(archive.allows("kafka-cluster:ReadData", TOPIC + "synapse.accessrecords.processed.v1"))
                .isFalse();
        assertThat(archive.allows("kafka-cluster:AlterGroup", GROUP + "connect-stack-dead-letter-archive"))
                .isTrue();
        assertThat(archive.allows("kafka-cluster:AlterGroup", GROUP + "connect-stack-s3-sink-v1"))
                .isFalse();
        assertThat(archive.allows(
                        "s3:PutObject",
                        lake + "/dead-letters/synapse.accessrecords.raw.dlq/dead_letter_date=2026-12-01/"
                                + "synapse.accessrecords.raw.dlq+0+0000000000.json.gz"))
                .isTrue();
        assertThat(archive.allows("s3:PutObject", lake + "/processed/v1/x.parquet"))
                .isFalse();
    }
}
