package org.sagebionetworks.accessrecords.local;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;
import org.sagebionetworks.accessrecords.schema.SharedNames;

/** How much the local table holds so far: rows (through DuckDB) and Parquet files. */
public record TableCounts(Path tableDir) {

    public long rows() {
        if (files() == 0) {
            return 0;
        }
        try (LocalTable table = LocalTable.over(tableDir)) {
            return Long.parseLong(table.run("SELECT count(*) FROM " + SharedNames.VIEW)
                    .textRows()
                    .get(0)
                    .get(0));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows under " + tableDir, e);
        }
    }

    public long files() {
        return ParquetFolder.list(tableDir).size();
    }
}
