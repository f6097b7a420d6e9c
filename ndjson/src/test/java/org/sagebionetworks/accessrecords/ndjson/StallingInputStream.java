package org.sagebionetworks.accessrecords.ndjson;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes as a pipe or a socket delivers them: in pieces, with {@code available()} at 0 whenever nothing has
 * arrived yet, and a pause before each segment after the first (the {@code sleep} in
 * {@code (cat a.gz; sleep 6; cat b.gz) | enrich}).
 */
final class StallingInputStream extends InputStream {

    private final List<byte[]> segments;
    private final int piece;
    private final long pauseMillis;
    private int segment;
    private int position;

    StallingInputStream(List<byte[]> segments, int piece, long pauseMillis) {
        this.segments = segments;
        this.piece = piece;
        this.pauseMillis = pauseMillis;
    }

    /** Two segments split at {@code at}, no pause: the second half simply has not arrived when asked about. */
    static StallingInputStream splitAt(byte[] bytes, int at) {
        return new StallingInputStream(
                List.of(Arrays.copyOf(bytes, at), Arrays.copyOfRange(bytes, at, bytes.length)), Integer.MAX_VALUE, 0);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        while (segment < segments.size() && position == segments.get(segment).length) {
            segment++;
            position = 0;
            if (segment < segments.size()) {
                pause();
            }
        }
        if (segment == segments.size()) {
            return -1;
        }
        byte[] current = segments.get(segment);
        int count = Math.min(Math.min(length, piece), current.length - position);
        System.arraycopy(current, position, buffer, offset, count);
        position += count;
        return count;
    }

    /** Nothing is ever known to be waiting: the stream's next bytes are still on their way. */
    @Override
    public int available() {
        return 0;
    }

    private void pause() {
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
