package org.sagebionetworks.accessrecords.sink;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * LOCAL STAND-IN for Confluent's S3 sink, for tests and laptops where Confluent's plugin cannot be installed.
 * It takes the same connector configuration ({@code connect-config/s3-sink.json} with {@code local.json}) and
 * writes the same object keys and Parquet schema. It is not a production connector: production runs
 * Confluent's {@code io.confluent.connect.s3.S3SinkConnector} on MSK Connect.
 */
public final class StandInS3SinkConnector extends SinkConnector {

    static final String VERSION = "0.1.0-standin";

    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> settings) {
        new StandInS3SinkConfig(settings);
        this.settings = settings;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StandInS3SinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, settings);
    }

    @Override
    public void stop() {
        settings = null;
    }

    @Override
    public ConfigDef config() {
        return StandInS3SinkConfig.DEFINITION;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
