package org.sagebionetworks.accessrecords.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads the three sides of some record days (archive, table, dead letters) and compares them. */
final class Reconciler {

    private final ArchiveReader archive;
    private final TableReader table;
    private final DeadLetterReader deadLetters;

    Reconciler(ArchiveReader archive, TableReader table, DeadLetterReader deadLetters) {
        this.archive = archive;
        this.table = table;
        this.deadLetters = deadLetters;
    }

    Reconciliation reconcile(RecordDays days, Instant deadLettersSince, boolean strict)
            throws IOException, SQLException {
        Path scratch = Files.createTempDirectory("reconcile");
        try (KeyStore keys = new KeyStore(scratch.resolve("keys.duckdb"))) {
            DayTally invalid = archive.read(days, keys);
            table.read(days, keys, scratch);
            DayTally letters = deadLetters.read(days, deadLettersSince);
            List<DayResult> results = new ArrayList<>();
            for (DayCounts counts : keys.counts(days)) {
                results.add(new DayResult(counts, invalid.on(counts.day()), letters.on(counts.day())));
            }
            return new Reconciliation(days, strict, results, keys.gaps(), letters.withoutTime(), invalid.withoutTime());
        } finally {
            deleteAll(scratch);
        }
    }

    private static void deleteAll(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
