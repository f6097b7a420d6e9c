package org.sagebionetworks.accessrecords.queries.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sagebionetworks.accessrecords.queries.LocalTable;
import org.sagebionetworks.accessrecords.queries.ParquetFolder;

/**
 * One side of a comparison: a local copy (or mount) of a table's files, from the folder its Glue table's location
 * points at, with a folder per UTC day.
 *
 * @param root the folder holding the day folders
 * @param layout how the day folders are named, for messages
 * @param dayFolder the folder of a day, relative to {@code root}
 * @param recordDateFromFolder whether {@code record_date} is only a folder name ({@code record_date=YYYY-MM-DD}),
 *     as Spark writes partition keys, rather than a column of the files
 */
public record TableCopy(Path root, String layout, Function<LocalDate, String> dayFolder, boolean recordDateFromFolder) {

    private static final String RECORD_DATE_FOLDER = "record_date=";

    public TableCopy {
        if (!Files.isDirectory(root)) {
            throw new ComparisonInputException(root.toAbsolutePath() + " is not a folder");
        }
    }

    /** Today's table as the Glue job writes it: {@code record_date=YYYY-MM-DD/part-*.parquet}. */
    public static TableCopy glueJob(Path root) {
        return new TableCopy(root, "record_date=YYYY-MM-DD", day -> RECORD_DATE_FOLDER + day, true);
    }

    /** The pipeline's table in one of its layouts; every file holds {@code record_date} as a column. */
    public static TableCopy pipeline(Path root, String layout, Function<LocalDate, String> dayFolder) {
        return new TableCopy(root, layout, dayFolder, false);
    }

    /** Every Parquet file in the folders of the range's days; a day without a folder has none. */
    List<Path> files(DayRange range) {
        return range.days().stream()
                .flatMap(day -> ParquetFolder.list(root.resolve(dayFolder.apply(day))).stream())
                .toList();
    }

    /**
     * The same, where none at all is a mistake (a wrong folder, layout or range) far more often than a difference,
     * and a comparison or a gap fill would blame every row of the other side on it.
     */
    List<Path> requiredFiles(DayRange range) {
        List<Path> files = files(range);
        if (files.isEmpty()) {
            throw new ComparisonInputException("no Parquet files for " + range + " under " + describe(range)
                    + ": check the folder, the layout and the days");
        }
        return files;
    }

    /** The table function that reads {@code files}, with {@code record_date} from the folder names if need be. */
    String scan(List<Path> files) {
        String list = files.stream()
                .map(file -> LocalTable.literal(file.toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        String partitioning = recordDateFromFolder
                ? "hive_partitioning = true, hive_types = {'record_date': 'DATE'}"
                : "hive_partitioning = false";
        // Columns added to the table over the years are missing from older files: null there, as in Athena.
        return "read_parquet(" + list + ", " + partitioning + ", union_by_name = true)";
    }

    /** Where the range's first day would be, to show in a message. */
    String describe(DayRange range) {
        return root.toAbsolutePath() + " (" + layout + ", e.g. " + dayFolder.apply(range.first()) + "/)";
    }
}
