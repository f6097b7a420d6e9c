package org.sagebionetworks.accessrecords.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sagebionetworks.accessrecords.toolsupport.S3Clients;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The table's Parquet files of each record day, {@code <prefix>/record_date=YYYY-MM-DD/*.parquet} in the lake,
 * copied to a local folder a day at a time (DuckDB's S3 reader is an extension it would download at run time) and
 * their keys read into the key store.
 */
final class TableReader {

    private final String bucket;
    private final String prefix;
    private final String region;
    private final String endpoint;

    TableReader(String bucket, String prefix, String region, String endpoint) {
        this.bucket = bucket;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.region = region;
        this.endpoint = endpoint;
    }

    void read(RecordDays days, KeyStore keys, Path scratch) throws IOException, SQLException {
        try (S3Client s3 = S3Clients.of(region, endpoint)) {
            for (LocalDate day : days.days()) {
                Path folder = Files.createDirectories(scratch.resolve("record_date=" + day));
                List<Path> files = download(s3, dayFolder(day), folder);
                keys.addTableFiles(day, files);
                for (Path file : files) {
                    Files.delete(file);
                }
            }
        }
    }

    private String dayFolder(LocalDate day) {
        return (prefix.isEmpty() ? "" : prefix + "/") + "record_date=" + day + "/";
    }

    private List<Path> download(S3Client s3, String folder, Path into) {
        List<Path> files = new ArrayList<>();
        ListObjectsV2Request listing =
                ListObjectsV2Request.builder().bucket(bucket).prefix(folder).build();
        for (S3Object object : s3.listObjectsV2Paginator(listing).contents()) {
            if (object.key().endsWith(".parquet")) {
                Path file = into.resolve(files.size() + ".parquet");
                s3.getObject(
                        GetObjectRequest.builder()
                                .bucket(bucket)
                                .key(object.key())
                                .build(),
                        file);
                files.add(file);
            }
        }
        return files;
    }
}
