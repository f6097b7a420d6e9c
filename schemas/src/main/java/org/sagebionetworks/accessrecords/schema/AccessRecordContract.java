package org.sagebionetworks.accessrecords.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The contract's schemas exactly as written in {@code schemas/src/main/avro}. Code that derives another schema
 * (Connect, Parquet, Glue) starts here rather than from the generated classes, whose embedded copies carry
 * Java-only properties such as {@code avro.java.string}.
 */
public final class AccessRecordContract {

    private static final Schema RAW = load("raw-access-record.avsc");
    private static final Schema PROCESSED = load("processed-access-record.avsc");

    private AccessRecordContract() {}

    /** The raw Firehose envelope with its payload. */
    public static Schema raw() {
        return RAW;
    }

    /** One row of {@code processedaccessrecord}. */
    public static Schema processed() {
        return PROCESSED;
    }

    /**
     * Every released version of the processed record, oldest first: the writer schemas a reader of the processed
     * topic may meet. Releases are numbered from 1 without gaps ({@code SchemaEvolutionTest} holds them to it).
     */
    public static List<Schema> releasedProcessed() {
        List<Schema> released = new ArrayList<>();
        for (int version = 1; ; version++) {
            InputStream in = AccessRecordContract.class.getResourceAsStream(
                    "/avro/released/processed-access-record.v" + version + ".avsc");
            if (in == null) {
                return released;
            }
            released.add(parse(in, "released processed v" + version));
        }
    }

    /** The integer {@code version} property every contract schema carries. */
    public static int version(Schema schema) {
        Object version = schema.getObjectProp("version");
        if (!(version instanceof Integer)) {
            throw new IllegalArgumentException(
                    "schema " + schema.getFullName() + " has no integer \"version\" property");
        }
        return (Integer) version;
    }

    /** A field's type without its null branch: {@code ["null", "string"]} is {@code "string"}. */
    public static Schema nonNull(Schema.Field field) {
        Schema type = field.schema();
        return type.isUnion()
                ? type.getTypes().stream()
                        .filter(branch -> branch.getType() != Schema.Type.NULL)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(field.name() + " is only ever null"))
                : type;
    }

    private static Schema load(String file) {
        InputStream in = AccessRecordContract.class.getResourceAsStream("/avro/" + file);
        if (in == null) {
            throw new IllegalStateException("contract schema " + file + " is missing from the classpath");
        }
        return parse(in, file);
    }

    private static Schema parse(InputStream in, String what) {
        try (in) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract schema " + what, e);
        }
    }
}
