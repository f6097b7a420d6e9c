package org.sagebionetworks.accessrecords.replay;

import java.util.regex.Pattern;
import org.sagebionetworks.accessrecords.schema.PipelineVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The folder of the lake bucket the pipeline writes under (Terraform's {@code lake_prefix}), empty for the bucket's
 * root. A version's sink writes {@code <prefix>/processed/vN/}, so that is where its files are looked for.
 */
record LakePrefix(String folder) {

    static final LakePrefix ROOT = new LakePrefix("");

    // Terraform's validation of lake_prefix, so every prefix Terraform places a table under is accepted here.
    private static final Pattern FOLDERS = Pattern.compile("([A-Za-z0-9_.=-]+(/[A-Za-z0-9_.=-]+)*)?");

    static LakePrefix of(String folder) {
        if (!FOLDERS.matcher(folder).matches()) {
            throw new IllegalArgumentException("'" + folder + "' is not a folder of the lake: give Terraform's "
                    + "lake_prefix, folder names (letters, digits, _ . = -) joined by single slashes, without a slash "
                    + "at either end (e.g. warehouse/processedaccessrecord_stream), or nothing for the bucket's root");
        }
        return new LakePrefix(folder);
    }

    /** The version's sink {@code topics.dir} under this prefix, as Terraform's {@code local.lake_topics_dirs}. */
    String topicsDir(PipelineVersion version) {
        return folder.isEmpty() ? version.topicsDir() : folder + "/" + version.topicsDir();
    }

    /** For picocli: a malformed prefix is a usage error, with the message above. */
    static final class Converter implements ITypeConverter<LakePrefix> {
        @Override
        public LakePrefix convert(String value) {
            try {
                return of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
