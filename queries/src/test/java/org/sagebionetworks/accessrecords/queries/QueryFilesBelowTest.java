package org.sagebionetworks.accessrecords.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check of every query file finds them all and names the file and line Athena would refuse. */
class QueryFilesBelowTest {

    @TempDir
    Path copy;

    @Test
    void aDuckDbCastPlantedInACopyOfTheQueriesIsNamedWithItsFileAndLine() throws IOException {
        copyTheQueries();
        Path planted = copy.resolve("top-entities.sql");
        Files.writeString(planted, Files.readString(planted).replace("count(*) AS calls", "count(*)::int AS calls"));

        assertThat(QueryFilesBelow.refusedByAthena(copy))
                .singleElement()
                .asString()
                .startsWith("top-entities.sql line 2, column ");
    }

    @Test
    void findsTheQueriesInSubfoldersAndNoneInMavensFolders() throws IOException {
        for (String file : new String[] {"a.sql", "cutover/b.sql", "src/test/resources/c.sql", "target/d.sql"}) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.writeString(copy.resolve(file), "SELECT 1;");
        }

        assertThat(QueryFilesBelow.sqlFilesBelow(copy)).containsExactly(Path.of("a.sql"), Path.of("cutover", "b.sql"));
    }

    private void copyTheQueries() throws IOException {
        for (Path file : QueryFilesBelow.sqlFilesBelow(AthenaDialectTest.QUERIES)) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(AthenaDialectTest.QUERIES.resolve(file), copy.resolve(file));
        }
    }
}
