package org.sagebionetworks.accessrecords.core.validation;

import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;

/**
 * The values {@link RawRecordScanner} found for one record of the contract, by field position, as places in the
 * scanned bytes rather than objects: a string is where its UTF-8 bytes lie (the JSON text without escapes is the
 * value's UTF-8), a number or boolean its value. Reused from record to record; valid until the next scan.
 */
public final class ScannedRecord {

    private final int[] starts;
    private final int[] ends;
    private final long[] numbers;
    private final ScannedRecord[] nested;
    private byte[] source;
    private long present;
    private long nulls;

    ScannedRecord(Schema schema, ScannedRecord[] nested) {
        int fields = schema.getFields().size();
        this.starts = new int[fields];
        this.ends = new int[fields];
        this.numbers = new long[fields];
        this.nested = nested;
    }

    /** The bytes the strings lie in. */
    public byte[] source() {
        return source;
    }

    /** Absent from the JSON, or JSON null. */
    public boolean isNull(int position) {
        return (present & 1L << position) == 0 || (nulls & 1L << position) != 0;
    }

    public int start(int position) {
        return starts[position];
    }

    public int end(int position) {
        return ends[position];
    }

    public String string(int position) {
        return isNull(position)
                ? null
                : new String(source, starts[position], ends[position] - starts[position], StandardCharsets.UTF_8);
    }

    public long number(int position) {
        return numbers[position];
    }

    public boolean bool(int position) {
        return numbers[position] != 0;
    }

    public ScannedRecord nested(int position) {
        return nested[position];
    }

    void clear(byte[] source) {
        this.source = source;
        present = 0;
        nulls = 0;
    }

    boolean has(int position) {
        return (present & 1L << position) != 0;
    }

    void putNull(int position) {
        present |= 1L << position;
        nulls |= 1L << position;
    }

    void putText(int position, int start, int end) {
        present |= 1L << position;
        starts[position] = start;
        ends[position] = end;
    }

    void putNumber(int position, long value) {
        present |= 1L << position;
        numbers[position] = value;
    }
}
