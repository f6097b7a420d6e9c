package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every query in {@code queries/} and its subfolders is a statement Athena engine 3 accepts, by Trino's parser; DuckDB,
 * which the other tests run them in, would also accept its own dialect.
 */
class AthenaDialectTest {

    /** Surefire runs in the module's folder, which is where the queries live. */
    static final Path QUERIES = Path.of("").toAbsolutePath();

    @Test
    void theCheckSeesTheDashboardsAndTheSubfoldersQueries() {
        assertThat(QueryFilesBelow.sqlFilesBelow(QUERIES))
                .contains(Path.of("top-entities.sql"), Path.of("replay", "duplicate-rows.sql"));
    }

    @Test
    void everyQueryParsesAsTrino() {
        assertThat(QueryFilesBelow.refusedByAthena(QUERIES))
                .as("queries Athena would refuse (path below queries/, then Trino's message)")
                .isEmpty();
    }
}
