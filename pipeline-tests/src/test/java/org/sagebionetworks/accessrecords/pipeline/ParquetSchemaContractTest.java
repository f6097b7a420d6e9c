package org.sagebionetworks.accessrecords.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.converter.ConnectSchemas;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;
import org.sagebionetworks.accessrecords.sink.parquet.AvroSchemas;

/**
 * The Parquet schema is derived twice over (contract -> Connect schema in the service, Connect schema -> Avro in
 * the sink, as Confluent's ParquetFormat does); the round trip must give back the contract's columns exactly.
 */
class ParquetSchemaContractTest {

    @Test
    void theSinksSchemaIsTheContractsColumnForColumn() {
        Schema contract = AccessRecordContract.processed();
        Schema written = AvroSchemas.fromConnect(ConnectSchemas.processed());

        assertThat(written.getFullName()).isEqualTo(contract.getFullName());
        assertThat(written.getFields()).hasSameSizeAs(contract.getFields());
        for (Schema.Field field : contract.getFields()) {
            Schema.Field twin = written.getField(field.name());
            assertThat(twin).as(field.name()).isNotNull();
            assertThat(twin.pos()).as(field.name()).isEqualTo(field.pos());
            assertThat(twin.schema()).as(field.name()).isEqualTo(field.schema());
        }
    }
}
