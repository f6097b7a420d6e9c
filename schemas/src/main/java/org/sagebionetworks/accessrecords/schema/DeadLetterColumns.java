package org.sagebionetworks.accessrecords.schema;

import java.util.List;

/**
 * The columns of the dead-letter archive, in order: what the {@code dead-letter-envelope} transform makes of each
 * letter and what the Glue table {@link SharedNames#DEAD_LETTER_TABLE} reads (terraform's tests check its columns
 * against this list). Bytes are kept as text when they are valid UTF-8 and as base64 when they are not, so a query
 * can read every letter and nothing of it is lost.
 */
public final class DeadLetterColumns {

    /** What a column holds; each kind has one Connect type (in the transform) and one Glue type. */
    public enum Kind {
        TEXT("string"),
        INT("int"),
        LONG("bigint"),
        /** A Connect Timestamp, which Confluent's JsonFormat writes as epoch milliseconds. */
        EPOCH_MILLIS("bigint"),
        TEXT_MAP("map<string,string>");

        private final String glueType;

        Kind(String glueType) {
            this.glueType = glueType;
        }

        public String glueType() {
            return glueType;
        }
    }

    /** One column: its name, kind and what it means (the Glue column's comment). */
    public static final class Column {
        private final String name;
        private final Kind kind;
        private final String doc;

        Column(String name, Kind kind, String doc) {
            this.name = name;
            this.kind = kind;
            this.doc = doc;
        }

        public String name() {
            return name;
        }

        public Kind kind() {
            return kind;
        }

        public String doc() {
            return doc;
        }
    }

    public static final String TOPIC = "topic";
    public static final String PARTITION = "kafka_partition";
    public static final String OFFSET = "kafka_offset";
    public static final String DEAD_LETTERED_AT = "dead_lettered_at";
    public static final String KEY = "key";
    public static final String KEY_BASE64 = "key_base64";
    public static final String VALUE = "value";
    public static final String VALUE_BASE64 = "value_base64";
    public static final String HEADERS = "headers";
    public static final String HEADERS_BASE64 = "headers_base64";
    public static final String REASON = "reason";

    public static final List<Column> ALL = List.of(
            new Column(TOPIC, Kind.TEXT, "The dead-letter topic the letter was on."),
            new Column(PARTITION, Kind.INT, "Its partition there."),
            new Column(OFFSET, Kind.LONG, "Its offset there: with topic and partition, the letter's identity."),
            new Column(
                    DEAD_LETTERED_AT,
                    Kind.EPOCH_MILLIS,
                    "When it was dead-lettered (the letter's Kafka timestamp), epoch milliseconds UTC."),
            new Column(KEY, Kind.TEXT, "The letter's key as UTF-8 text; null when it has none or it is not UTF-8."),
            new Column(KEY_BASE64, Kind.TEXT, "The key's bytes in base64, only when they are not valid UTF-8."),
            new Column(VALUE, Kind.TEXT, "The letter's bytes as UTF-8 text; null when null or not UTF-8."),
            new Column(VALUE_BASE64, Kind.TEXT, "The letter's bytes in base64, only when they are not valid UTF-8."),
            new Column(HEADERS, Kind.TEXT_MAP, "Every header whose bytes are UTF-8 text, by name."),
            new Column(HEADERS_BASE64, Kind.TEXT_MAP, "Every header whose bytes are not UTF-8 text, in base64."),
            new Column(
                    REASON,
                    Kind.TEXT,
                    "Why it was dead-lettered: error.class for the service's and the loader's letters, "
                            + "__connect.errors.exception.class.name for the sink's."));

    private DeadLetterColumns() {}
}
