package org.sagebionetworks.repo.manager.audit;

import org.sagebionetworks.kinesis.AwsKinesisLogRecord;
import org.sagebionetworks.schema.adapter.JSONEntity;

public class KinesisJsonEntityRecord<T extends JSONEntity> implements AwsKinesisLogRecord {
    public KinesisJsonEntityRecord(Long timestamp, T jsonEntity, String stack, String instance) {}

    @Override
    public String getStack() {
        return null;
    }

    @Override
    public KinesisJsonEntityRecord<T> withStack(String stack) {
        return this;
    }

    @Override
    public String getInstance() {
        return null;
    }

    @Override
    public KinesisJsonEntityRecord<T> withInstance(String instance) {
        return this;
    }
}
