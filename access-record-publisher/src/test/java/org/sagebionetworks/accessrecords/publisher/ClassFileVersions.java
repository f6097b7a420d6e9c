package org.sagebionetworks.accessrecords.publisher;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Which class files of a jar a Java runtime cannot load. A class file's major version names the oldest runtime that
 * loads it (55 is Java 11); a multi-release jar's {@code META-INF/versions/N/} entries are read only by Java N and
 * later, so they may be as new as N.
 */
final class ClassFileVersions {

    static final int JAVA_11 = 55;
    private static final int JAVA_1_MAJOR_OFFSET = 44;
    private static final String VERSIONED = "META-INF/versions/";

    private ClassFileVersions() {}

    /** Each class file of {@code jar} that needs a newer runtime than {@code major}, as "entry (major)". */
    static List<String> tooNewFor(int major, Path jar) throws IOException {
        List<String> tooNew = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    int found = majorOf(file, entry);
                    if (found > Math.max(major, versionedMajor(entry.getName()))) {
                        tooNew.add(jar.getFileName() + "!/" + entry.getName() + " (" + found + ")");
                    }
                }
            }
        }
        return tooNew;
    }

    static List<String> classNames(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    names.add(entry.getName());
                }
            }
        }
        return names;
    }

    /** The newest major version a runtime that reads this entry understands; 0 for entries every runtime reads. */
    private static int versionedMajor(String name) {
        if (!name.startsWith(VERSIONED)) {
            return 0;
        }
        String release = name.substring(VERSIONED.length(), name.indexOf('/', VERSIONED.length()));
        return Integer.parseInt(release) + JAVA_1_MAJOR_OFFSET;
    }

    /** The class file starts with the magic number (4 bytes), then the minor (2) and the major version (2). */
    private static int majorOf(JarFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry);
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
