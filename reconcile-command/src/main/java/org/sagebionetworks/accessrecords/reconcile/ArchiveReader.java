package org.sagebionetworks.accessrecords.reconcile;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;
import org.sagebionetworks.accessrecords.archive.ArchiveObject;
import org.sagebionetworks.accessrecords.archive.ArchiveStore;
import org.sagebionetworks.accessrecords.archive.LoadRange;
import org.sagebionetworks.accessrecords.core.AccessRecordEnricher;
import org.sagebionetworks.accessrecords.core.Outcome.Accepted;
import org.sagebionetworks.accessrecords.core.validation.RawRecordParser;
import org.sagebionetworks.accessrecords.ndjson.Decompression;
import org.sagebionetworks.accessrecords.ndjson.NdjsonLineReader;
import org.sagebionetworks.accessrecords.schema.ProcessedAccessRecord;

/**
 * The Firehose archive's lines of the arrival days that can hold the record days, each judged as the service
 * judges it (the enrichment core, with the same record size limit): a valid record's key goes to the key store
 * under its record day, an invalid line is counted by the day of its record time where it has one.
 */
final class ArchiveReader {

    private final ArchiveLocation location;
    private final AccessRecordEnricher core;
    private final int maxRecordBytes;

    ArchiveReader(ArchiveLocation location, int maxRecordBytes) {
        this.location = location;
        this.core = new AccessRecordEnricher(new RawRecordParser(maxRecordBytes));
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Adds the valid records' keys to {@code keys}; returns the invalid lines by record day. */
    DayTally read(RecordDays days, KeyStore keys) throws IOException, SQLException {
        DayTally invalid = new DayTally();
        try (ArchiveStore store = new ArchiveStore(location.bucket(), location.region(), location.endpoint())) {
            for (LocalDate arrival : days.arrivalDays()) {
                for (ArchiveObject object : store.list(LoadRange.arrivalFolder(location.prefix(), arrival))) {
                    readObject(store.open(object), days, keys, invalid);
                }
            }
        }
        keys.archiveRead();
        return invalid;
    }

    private void readObject(InputStream in, RecordDays days, KeyStore keys, DayTally invalid)
            throws IOException, SQLException {
        try (NdjsonLineReader lines = new NdjsonLineReader(Decompression.detect(in), maxRecordBytes)) {
            while (lines.next()) {
                byte[] line = Arrays.copyOf(lines.bytes(), lines.length());
                if (!lines.truncated() && core.enrich(line) instanceof Accepted<ProcessedAccessRecord> row) {
                    addIfInRange(row.value(), days, keys);
                } else {
                    countInvalid(line, days, invalid);
                }
            }
        }
    }

    private static void countInvalid(byte[] line, RecordDays days, DayTally invalid) {
        Optional<LocalDate> day = RecordTime.dayOf(line);
        if (day.isEmpty()) {
            invalid.countWithoutTime();
        } else if (days.contains(day.get())) {
            invalid.count(day.get());
        }
    }

    private static void addIfInRange(ProcessedAccessRecord row, RecordDays days, KeyStore keys) throws SQLException {
        LocalDate day = RecordDays.dayOf(row.getTimestamp().toEpochMilli());
        if (days.contains(day)) {
            keys.addArchiveKey(day, row.getSessionId(), row.getTimestamp().toEpochMilli());
        }
    }
}
