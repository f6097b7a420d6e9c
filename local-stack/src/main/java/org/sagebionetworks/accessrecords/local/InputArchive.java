package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;
import org.sagebionetworks.accessrecords.archive.LoadRange;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.ndjson.Decompression;
import org.sagebionetworks.accessrecords.ndjson.NdjsonLineReader;
import org.sagebionetworks.accessrecords.schema.RawAccessRecordEnvelope;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The input files as Firehose's archive holds its objects: each file one object in the stack's own S3, in the
 * arrival-day folder of the last day its records were requested (Firehose files a record on or after its request
 * day), and the range of request days that covers every valid record of them all, which the loader then publishes.
 */
record InputArchive(ArchiveLocation location, LoadRange range) {

    static final String BUCKET = "input";
    /** Production's prefix, so that the dead letters name objects as they would there. */
    static final String PREFIX = "accessRecord/records";

    private static final String REGION = "us-east-1";

    /** Reads the files for their request days, then uploads them; a file that cannot be read stops the run. */
    static InputArchive upload(List<Path> files, String endpoint, int maxRecordBytes) {
        RequestDays days = RequestDays.NONE;
        for (Path file : files) {
            days = days.plus(requestDays(file, maxRecordBytes));
        }
        LoadRange range =
                days.equals(RequestDays.NONE) ? today() : new LoadRange(days.first(), days.last(), null, null);
        String folder = LoadRange.arrivalFolder(PREFIX, range.to());
        try (S3Client s3 = S3Clients.of(REGION, endpoint)) {
            int number = 0;
            for (Path file : files) {
                String key = folder + ++number + "-" + file.getFileName();
                s3.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromFile(file));
            }
        }
        return new InputArchive(new ArchiveLocation(BUCKET, PREFIX, REGION, endpoint), range);
    }

    /** Files without a valid record have no request day; their lines are all dead-lettered, from today's folder. */
    private static LoadRange today() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new LoadRange(today, today, null, null);
    }

    /** The first and last request day of the valid records of a file, as the loader's parser reads them. */
    private static RequestDays requestDays(Path file, int maxRecordBytes) {
        RawRecordParser parser = new RawRecordParser(maxRecordBytes);
        RequestDays days = RequestDays.NONE;
        try (InputStream in = Files.newInputStream(file);
                NdjsonLineReader lines = new NdjsonLineReader(Decompression.detect(in), maxRecordBytes)) {
            while (lines.next()) {
                if (!lines.truncated()
                        && parser.parse(lines.bytes(), 0, lines.length())
                                instanceof Accepted<RawAccessRecordEnvelope> record) {
                    days = days.plus(RequestDays.of(record.value().getPayload().getTimestamp()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return days;
    }

    /** A span of UTC days; {@link #NONE} before the first record. */
    private record RequestDays(LocalDate first, LocalDate last) {

        static final RequestDays NONE = new RequestDays(LocalDate.MAX, LocalDate.MIN);

        static RequestDays of(long requestMillis) {
            LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(requestMillis), ZoneOffset.UTC);
            return new RequestDays(day, day);
        }

        RequestDays plus(RequestDays other) {
            if (other.equals(NONE)) {
                return this;
            }
            return new RequestDays(
                    first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
        }
    }
}
