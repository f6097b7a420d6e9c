package org.sagebionetworks.kinesis;

public interface AwsKinesisLogRecord {
    String getStack();

    AwsKinesisLogRecord withStack(String stack);

    String getInstance();

    AwsKinesisLogRecord withInstance(String instance);
}
