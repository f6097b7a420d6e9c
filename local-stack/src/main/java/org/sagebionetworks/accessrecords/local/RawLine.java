package org.sagebionetworks.accessrecords.local;

/**
 * One raw line as the local stack feeds it.
 *
 * @param bytes  the line, or its first bytes when it is longer than a reader keeps (see {@link #length})
 * @param length the line's real length in bytes
 * @param source where it came from, for dead-letter headers: {@code file:///...} or {@code synthetic}
 * @param number its 1-based line number in the source
 */
record RawLine(byte[] bytes, long length, String source, long number) {

    static RawLine synthetic(byte[] bytes, long number) {
        return new RawLine(bytes, bytes.length, "synthetic", number);
    }

    boolean longerThan(int maxBytes) {
        return length > maxBytes;
    }
}
