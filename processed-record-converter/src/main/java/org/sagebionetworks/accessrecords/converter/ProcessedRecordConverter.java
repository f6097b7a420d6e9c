package org.sagebionetworks.accessrecords.converter;

import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.sagebionetworks.accessrecords.schema.ProcessedRecordFormat;
import org.sagebionetworks.accessrecords.schema.ProcessedRecordFormat.UnreadableRowException;

/**
 * The processed topic's values for Kafka Connect: {@link ProcessedRecordFormat}'s bytes to the Connect struct of
 * {@link ConnectSchemas#processed()} and back. A message it cannot read is a {@link DataException}, which a sink
 * with {@code errors.tolerance=all} sends to its dead-letter topic with the reason, and any other sink stops on.
 */
public final class ProcessedRecordConverter implements Converter {

    private final ProcessedRecordFormat format;

    /** What Connect instantiates: writes the current contract schema, reads every released version. */
    public ProcessedRecordConverter() {
        this(ProcessedRecordFormat.ofContract());
    }

    ProcessedRecordConverter(ProcessedRecordFormat format) {
        this.format = format;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (isKey) {
            throw new ConfigException(
                    "key.converter",
                    getClass().getName(),
                    "reads the processed topic's values only; its keys are session ids: use"
                            + " org.apache.kafka.connect.storage.StringConverter for key.converter");
        }
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef();
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Struct)) {
            throw new DataException(
                    "a processed row is a Struct, not " + value.getClass().getName());
        }
        return format.encode(ProcessedStructs.toAvro((Struct) value, format.current()));
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        try {
            return new SchemaAndValue(ConnectSchemas.processed(), ProcessedStructs.toStruct(format.decode(value)));
        } catch (UnreadableRowException e) {
            throw new DataException("a message on " + topic + " is not a processed row: " + e.getMessage(), e);
        }
    }
}
