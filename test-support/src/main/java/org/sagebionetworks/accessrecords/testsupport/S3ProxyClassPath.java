package org.sagebionetworks.accessrecords.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * s3proxy's class path, from the resources under {@code s3proxy/} that test-support/s3proxy-classpath packs: a
 * folder holding its quiet logback.xml, then its jars in class path order. Whatever carries those resources (a
 * build folder, a test's jar, local-stack.jar copied to any machine) can thus start s3proxy. In a folder they are
 * used where they lie; in a jar they are copied out once per JVM to a temporary folder deleted at exit, since a
 * class loader cannot read a jar inside a jar.
 */
final class S3ProxyClassPath {

    private static final String ROOT = "s3proxy/";
    private static final String JAR_LIST = "classpath.txt";
    private static final String LOGGING_FOLDER = "logging/";
    private static final String LOGGING_FILE = LOGGING_FOLDER + "logback.xml";

    private static List<URL> urls;

    private S3ProxyClassPath() {}

    /** The logging folder first, so that s3proxy's logback finds that logback.xml, then the jars. */
    static synchronized URL[] urls() throws IOException {
        if (urls == null) {
            urls = locate();
        }
        return urls.toArray(URL[]::new);
    }

    private static List<URL> locate() throws IOException {
        URL jarList = resource(JAR_LIST);
        List<String> jars = jarNames(jarList);
        Path root = "file".equals(jarList.getProtocol()) ? folderOf(jarList) : extracted(jars);
        List<URL> found = new ArrayList<>();
        found.add(root.resolve(LOGGING_FOLDER).toUri().toURL());
        for (String jar : jars) {
            found.add(root.resolve(jar).toUri().toURL());
        }
        return found;
    }

    private static List<String> jarNames(URL jarList) throws IOException {
        try (InputStream in = jarList.openStream()) {
            return List.of(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).trim().split(":"));
        }
    }

    private static Path folderOf(URL jarList) {
        try {
            return Path.of(jarList.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("s3proxy's resources lie at an odd place: " + jarList, e);
        }
    }

    private static Path extracted(List<String> jars) throws IOException {
        Path root = Files.createTempDirectory("s3proxy");
        root.toFile().deleteOnExit();
        copy(LOGGING_FILE, root);
        for (String jar : jars) {
            copy(jar, root);
        }
        return root;
    }

    /** A folder is registered for deletion before what it holds, since the JVM deletes in reverse order at exit. */
    private static void copy(String name, Path root) throws IOException {
        Path copy = root.resolve(name);
        if (Files.notExists(copy.getParent())) {
            Files.createDirectory(copy.getParent()).toFile().deleteOnExit();
        }
        copy.toFile().deleteOnExit();
        try (InputStream in = resource(name).openStream()) {
            Files.copy(in, copy);
        }
    }

    private static URL resource(String name) {
        URL url = S3ProxyClassPath.class.getClassLoader().getResource(ROOT + name);
        if (url == null) {
            throw new IllegalStateException(ROOT + name + " is missing from the class path: build "
                    + "test-support/s3proxy-classpath, which packs s3proxy's jars");
        }
        return url;
    }
}
