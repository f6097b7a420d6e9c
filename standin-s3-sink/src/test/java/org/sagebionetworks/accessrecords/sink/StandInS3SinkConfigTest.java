package org.sagebionetworks.accessrecords.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Confluent's keys the pipeline sets explicitly are understood by the stand-in, with Confluent's defaults. */
class StandInS3SinkConfigTest {

    @Test
    void rotatingOnADayChangeIsTheDefaultAndTheOnlyBehaviourTheStandInHas() {
        assertThat(new StandInS3SinkConfig(settings(Map.of())).getBoolean("rotate.file.on.partition.change"))
                .isTrue();
        assertThat(new StandInS3SinkConfig(settings(Map.of("rotate.file.on.partition.change", "true")))
                        .getBoolean("rotate.file.on.partition.change"))
                .isTrue();
        assertThatThrownBy(() -> new StandInS3SinkConfig(settings(Map.of("rotate.file.on.partition.change", "false"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rotate.file.on.partition.change");
    }

    @Test
    void skippedNullsAreReportedUnlessTheConfigurationSaysNot() {
        assertThat(new StandInS3SinkConfig(settings(Map.of())).getBoolean("report.null.values.to.dlq"))
                .isTrue();
        assertThat(new StandInS3SinkConfig(settings(Map.of("report.null.values.to.dlq", "false")))
                        .getBoolean("report.null.values.to.dlq"))
                .isFalse();
    }

    @Test
    void confluentsJsonFormatWritesJsonLinesGzippedWhenAskedAndParquetStaysTheDefault() {
        assertThat(new StandInS3SinkConfig(settings(Map.of())).fileFormat().extension())
                .isEqualTo(".snappy.parquet");
        assertThat(new StandInS3SinkConfig(settings(Map.of("format.class", JSON_FORMAT)))
                        .fileFormat()
                        .extension())
                .isEqualTo(".json");
        assertThat(new StandInS3SinkConfig(settings(Map.of("format.class", JSON_FORMAT, "s3.compression.type", "gzip")))
                        .fileFormat()
                        .extension())
                .isEqualTo(".json.gz");
    }

    @Test
    void aFormatTheStandInCannotWriteIsRefusedNotReplacedByParquet() {
        assertThatThrownBy(() -> new StandInS3SinkConfig(
                        settings(Map.of("format.class", "io.confluent.connect.s3.format.avro.AvroFormat"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("format.class");
    }

    @Test
    void aWallClockRotationIsAccepted() {
        assertThat(new StandInS3SinkConfig(settings(Map.of("rotate.schedule.interval.ms", "600000")))
                        .getLong("rotate.schedule.interval.ms"))
                .isEqualTo(600_000L);
    }

    private static final String JSON_FORMAT = "io.confluent.connect.s3.format.json.JsonFormat";

    static Map<String, String> settings(Map<String, String> more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("s3.bucket.name", "lake");
        settings.put("s3.region", "us-east-1");
        settings.put("store.url", "http://127.0.0.1:9");
        settings.put("path.format", "'record_date'=YYYY-MM-dd");
        settings.put("flush.size", "10");
        settings.put("behavior.on.null.values", "ignore");
        settings.putAll(more);
        return settings;
    }
}
