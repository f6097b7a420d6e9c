package org.sagebionetworks.accessrecords.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;

/**
 * What a gap fill's folder holds, read as Athena and Snowflake would: the day folders, the file names, the Parquet
 * types, and, once copied into a serving folder beside the Glue job's files and the serving feed's, each key's
 * copies over all of them. The cutover runbook test reads the gap fill it runs with these too.
 */
public final class GapFillFiles {

    private GapFillFiles() {}

    /** The keys (session id, ISO timestamp) of each day folder's files. */
    public static Map<String, Set<List<String>>> keysByFolder(Path gap) throws SQLException {
        Map<String, Set<List<String>>> folders = new TreeMap<>();
        for (Path file : ParquetFolder.list(gap)) {
            String folder = gap.relativize(file.getParent()).toString();
            for (List<Object> row :
                    query("SELECT session_id, CAST(epoch_ms(\"timestamp\") AS BIGINT) FROM read_parquet("
                            + LocalTable.literal(file.toString()) + ")")) {
                folders.computeIfAbsent(folder, day -> new HashSet<>()).add(key(row));
            }
        }
        return folders;
    }

    public static List<String> fileNames(Path gap) {
        return ParquetFolder.list(gap).stream()
                .map(file -> file.getFileName().toString())
                .toList();
    }

    /** Each column's physical and logical type, as parquet_schema shows them, in the first file. */
    public static Map<String, String> columnTypes(Path gap) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (List<Object> row : schema(gap)) {
            String logical = row.get(3) == null ? "" : String.valueOf(row.get(3));
            String adjusted = logical.contains("isAdjustedToUTC=1") ? " isAdjustedToUTC=1" : "";
            types.put(
                    (String) row.get(0), (row.get(1) + (row.get(2) == null ? "" : " " + row.get(2)) + adjusted).trim());
        }
        return types;
    }

    /** The columns of the first file, in their order. */
    public static List<String> columnNames(Path gap) throws SQLException {
        return schema(gap).stream().map(row -> (String) row.get(0)).toList();
    }

    /** Copies every file below {@code gap} to the same relative place below {@code serving}, as aws s3 cp does. */
    public static void copyInto(Path gap, Path serving) throws IOException {
        try (Stream<Path> files = Files.walk(gap)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = serving.resolve(gap.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    /** Every key below {@code serving} with how many rows hold it, over files of either encoding. */
    public static Map<List<String>, Long> copiesByKey(Path serving) throws SQLException {
        Map<List<String>, Long> copies = new HashMap<>();
        for (List<Object> row : query("SELECT session_id, CAST(epoch_ms(\"timestamp\") AS BIGINT), count(*) FROM"
                + " read_parquet(" + LocalTable.literal(serving + "/**/*.parquet")
                + ", hive_partitioning = true, union_by_name = true) GROUP BY ALL")) {
            copies.put(key(row), ((Number) row.get(2)).longValue());
        }
        return copies;
    }

    private static List<List<Object>> schema(Path gap) throws SQLException {
        String file = ParquetFolder.list(gap).get(0).toString();
        return query("SELECT name, type, converted_type, logical_type FROM parquet_schema(" + LocalTable.literal(file)
                + ") WHERE type IS NOT NULL");
    }

    private static List<String> key(List<Object> row) {
        return List.of(
                (String) row.get(0),
                Instant.ofEpochMilli(((Number) row.get(1)).longValue()).toString());
    }

    private static List<List<Object>> query(String sql) throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
