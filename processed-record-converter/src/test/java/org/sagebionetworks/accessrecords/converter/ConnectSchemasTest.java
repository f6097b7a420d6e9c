package org.sagebionetworks.accessrecords.converter;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.sagebionetworks.accessrecords.schema.AccessRecordContract;

class ConnectSchemasTest {

    @Test
    void theConnectSchemaHasEveryContractColumnWithItsTypeAndOptionality() {
        org.apache.kafka.connect.data.Schema connect = ConnectSchemas.processed();

        assertThat(connect.name()).isEqualTo("org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord");
        assertThat(connect.version()).isEqualTo(AccessRecordContract.version(AccessRecordContract.processed()));
        for (Schema.Field column : AccessRecordContract.processed().getFields()) {
            var field = connect.field(column.name());
            assertThat(field).as(column.name()).isNotNull();
            assertThat(field.index()).isEqualTo(column.pos());
            assertThat(field.schema().isOptional())
                    .as(column.name())
                    .isEqualTo(column.schema().isNullable());
        }
        assertThat(connect.fields())
                .hasSameSizeAs(AccessRecordContract.processed().getFields());
        assertThat(connect.field("timestamp").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(connect.field("record_date").schema().name()).isEqualTo(Date.LOGICAL_NAME);
        assertThat(connect.field("entity_id").schema().type())
                .isEqualTo(org.apache.kafka.connect.data.Schema.Type.INT64);
    }
}
