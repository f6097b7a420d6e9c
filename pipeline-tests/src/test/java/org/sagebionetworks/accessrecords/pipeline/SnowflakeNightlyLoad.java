package org.sagebionetworks.accessrecords.pipeline;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What Sage's nightly Snowflake load does with a staged file: {@code COPY INTO processedaccess FROM (SELECT ...,
 * NULLIF(regexp_replace(METADATA$FILENAME, RECORD_DATE, '\\1'), '__HIVE_DEFAULT_PARTITION__') AS record_date FROM
 * @stage/processedaccessrecord) pattern=PATTERN}, with its stage path, pattern and record_date expression exactly as
 * they stand today (docs/serving.md quotes the statement). A path is the object's key below the stage's URL, which
 * is what {@code METADATA$FILENAME} holds. Snowflake's regular expressions are POSIX ERE; these use nothing whose
 * meaning differs in Java's ({@code \/} and {@code \=} are the characters themselves in both), and the SQL literal
 * {@code '\\1'} is the back-reference {@code \1}.
 */
final class SnowflakeNightlyLoad {

    static final String STAGE_PATH = "processedaccessrecord";
    static final Pattern PATTERN = Pattern.compile(".*processedaccessrecord/record_date=.*/.*");
    static final Pattern RECORD_DATE = Pattern.compile(".*processedaccessrecord\\/record_date\\=(.*)\\/.*");
    static final String HIVE_DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private SnowflakeNightlyLoad() {}

    /** Whether {@code FROM @stage/processedaccessrecord ... pattern=...} loads the file at this path. */
    static boolean loads(String path) {
        // The stage path is a key prefix, not a folder: processedaccessrecord_v2/... is listed too.
        return path.startsWith(STAGE_PATH) && PATTERN.matcher(path).matches();
    }

    /**
     * The {@code record_date} the load gives every row of the file: regexp_replace returns its input unchanged
     * when the expression does not match, and NULLIF turns Hive's null partition into null.
     */
    static Optional<String> recordDate(String path) {
        String replaced = RECORD_DATE.matcher(path).replaceAll("$1");
        return replaced.equals(HIVE_DEFAULT_PARTITION) ? Optional.empty() : Optional.of(replaced);
    }
}
