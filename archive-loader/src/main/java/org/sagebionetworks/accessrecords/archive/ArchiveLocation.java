package org.sagebionetworks.accessrecords.archive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where Firehose writes the archive: the arrival-day folders {@code <prefix>/year=YYYY/month=MM/day=DD/} of a bucket.
 *
 * @param region   the bucket's region
 * @param endpoint an S3-compatible endpoint (path-style), or null for AWS S3
 */
public record ArchiveLocation(String bucket, String prefix, String region, String endpoint) {

    /**
     * The Kafka transactional id every load of this archive shares, whatever its range, so that a new loader fences
     * a running one: {@code synapse-access-records-archive-loader-<hash of bucket and prefix>}.
     */
    String transactionalId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + prefix).getBytes(StandardCharsets.UTF_8));
            return "synapse-access-records-archive-loader-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
