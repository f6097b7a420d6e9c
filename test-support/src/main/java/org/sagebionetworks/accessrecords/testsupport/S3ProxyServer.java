package org.sagebionetworks.accessrecords.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3-compatible server (s3proxy) in this JVM, storing objects as plain files under a directory, so tests
 * and DuckDB read what was uploaded straight from disk. s3proxy runs in a class loader of its own: its Jetty 12
 * and Jackson 3 would clash with Kafka Connect's Jetty 9 and Micronaut's Jackson 2 on one class path.
 */
public final class S3ProxyServer implements AutoCloseable {

    private final Object proxy;
    private final URI endpoint;
    private final Path baseDir;

    private S3ProxyServer(Object proxy, URI endpoint, Path baseDir) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.baseDir = baseDir;
    }

    /** Starts on a free port with anonymous access, backed by {@code baseDir}; buckets are its sub-folders. */
    public static S3ProxyServer start(Path baseDir) throws Exception {
        return start(baseDir, 0);
    }

    /** The same on a given port of 127.0.0.1 (0 for any free one). */
    public static S3ProxyServer start(Path baseDir, int port) throws Exception {
        ClassLoader isolated = new URLClassLoader(S3ProxyClassPath.urls(), ClassLoader.getPlatformClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(isolated);
        try {
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", baseDir.toString());
            Object blobStore = isolated.loadClass("org.gaul.s3proxy.BlobStores")
                    .getMethod("create", String.class, Properties.class)
                    .invoke(null, "filesystem", properties);
            Class<?> blobStoreType = isolated.loadClass("org.gaul.s3proxy.blobstore.BlobStore");
            Class<?> authType = isolated.loadClass("org.gaul.s3proxy.auth.AuthenticationType");
            Object builder = isolated.loadClass("org.gaul.s3proxy.S3Proxy")
                    .getMethod("builder")
                    .invoke(null);
            builder.getClass().getMethod("blobStore", blobStoreType).invoke(builder, blobStore);
            builder.getClass().getMethod("endpoint", URI.class).invoke(builder, URI.create("http://127.0.0.1:" + port));
            builder.getClass()
                    .getMethod("awsAuthentication", authType, String.class, String.class)
                    .invoke(builder, authType.getField("NONE").get(null), null, null);
            Object proxy = builder.getClass().getMethod("build").invoke(builder);
            proxy.getClass().getMethod("start").invoke(proxy);
            int bound = (int) proxy.getClass().getMethod("getPort").invoke(proxy);
            return new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + bound), baseDir);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** After {@link #close()}: the same store again, on the same port over the same files, as after an outage. */
    public S3ProxyServer restart() throws Exception {
        return start(baseDir, endpoint.getPort());
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket, which for the filesystem store is a folder. */
    public Path createBucket(String name) throws IOException {
        return Files.createDirectories(baseDir.resolve(name));
    }

    /** Where an object's bytes lie on disk. */
    public Path pathOf(String bucket, String key) {
        return baseDir.resolve(bucket).resolve(key);
    }

    @Override
    public void close() throws Exception {
        proxy.getClass().getMethod("stop").invoke(proxy);
    }
}
