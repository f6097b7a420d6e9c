package org.sagebionetworks.accessrecords.redrive;

/**
 * Why redrive refuses the S3 sink's dead letters. They are processed rows, not raw records: on the raw topic they
 * would be dead-lettered again as malformed, and written to the processed topic they would bypass the service that
 * owns it. The row is still in the processed topic, where the sink can read it again once it is fixed.
 */
final class SinkLetters {

    private SinkLetters() {}

    static String refusal(Letter letter) {
        return letter.id() + " is a processed row the S3 sink could not write (it carries Connect's __connect.errors.* "
                + "headers), not a raw record: redrive republishes raw records only. The row is still in "
                + letter.header("__connect.errors.topic") + " partition " + letter.header("__connect.errors.partition")
                + " at offset " + letter.header("__connect.errors.offset") + " while that topic keeps it: fix the "
                + "sink, then let it read that offset again (docs/dead-letters.md, \"The sink's dead letters\").";
    }
}
