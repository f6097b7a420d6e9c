package org.sagebionetworks.accessrecords.reconcile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.archive.ArchiveLocation;

/**
 * A run of the archive's records missing from the table: consecutive in time, no row of the table between them.
 *
 * @param firstMillis the first missing record's time
 * @param lastMillis the last one's
 */
record Gap(LocalDate day, long firstMillis, long lastMillis, long missing) {

    Instant first() {
        return Instant.ofEpochMilli(firstMillis);
    }

    Instant last() {
        return Instant.ofEpochMilli(lastMillis);
    }

    /**
     * The load-archive command that publishes exactly this run: its day, from its first record's time to just after
     * its last one's. Kafka options are left to the environment the loader shares with the service.
     */
    String loadArchiveCommand(ArchiveLocation archive) {
        List<String> words = new ArrayList<>(List.of(
                "java -jar enricher-service.jar load-archive",
                "--bucket",
                archive.bucket(),
                "--prefix",
                archive.prefix(),
                "--from",
                day.toString(),
                "--to",
                day.toString(),
                "--since",
                first().toString(),
                "--cutover",
                Instant.ofEpochMilli(lastMillis + 1).toString(),
                "--region",
                archive.region()));
        if (archive.endpoint() != null && !archive.endpoint().isBlank()) {
            words.addAll(List.of("--endpoint", archive.endpoint()));
        }
        return String.join(" ", words);
    }
}
