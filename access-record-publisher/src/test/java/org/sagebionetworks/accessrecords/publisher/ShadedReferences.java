package org.sagebionetworks.accessrecords.publisher;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * The relocated classes that classes of the shaded jar name but the jar lacks. Relocation rewrites every reference
 * to a moved package, also to classes of a library the jar does not carry, which then exists nowhere: a
 * NoClassDefFoundError waiting in the host. Names are read from each class file's constant pool, where class
 * references and type descriptors live.
 */
final class ShadedReferences {

    static final String SHADED = "org/sagebionetworks/accessrecords/publisher/shaded/";
    private static final String NAME = Pattern.quote(SHADED) + "[\\w/$-]*[\\w$-]";
    /** A class constant holds the bare internal name; a descriptor holds names as L...; among other types. */
    private static final Pattern CLASS_NAME = Pattern.compile(NAME);

    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L(" + NAME + ");");

    private ShadedReferences() {}

    static Set<String> missingFrom(Path jar) throws IOException {
        Set<String> missing = new TreeSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    for (String name : shadedNames(file, entry)) {
                        if (file.getEntry(name + ".class") == null) {
                            missing.add(name + " (named by " + entry.getName() + ")");
                        }
                    }
                }
            }
        }
        return missing;
    }

    private static Set<String> shadedNames(JarFile file, ZipEntry entry) throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = file.getInputStream(entry);
                DataInputStream data = new DataInputStream(in)) {
            data.skipBytes(8);
            int count = data.readUnsignedShort();
            for (int index = 1; index < count; index++) {
                int tag = data.readUnsignedByte();
                if (tag == 1) {
                    names.addAll(classNamesIn(data.readUTF()));
                } else {
                    index += skipConstant(data, tag);
                }
            }
        }
        return names;
    }

    /** Resource paths (a folder, a .txt file) match neither form, and are not checked. */
    private static Set<String> classNamesIn(String text) {
        Set<String> names = new TreeSet<>();
        if (CLASS_NAME.matcher(text).matches()) {
            names.add(text);
        }
        Matcher descriptor = IN_DESCRIPTOR.matcher(text);
        while (descriptor.find()) {
            names.add(descriptor.group(1));
        }
        return names;
    }

    /** Skips a constant other than UTF-8 text; returns 1 for the 8-byte ones, which take two pool slots. */
    private static int skipConstant(DataInputStream data, int tag) throws IOException {
        switch (tag) {
            case 5: // long
            case 6: // double
                data.skipBytes(8);
                return 1;
            case 3: // int
            case 4: // float
            case 9: // field reference
            case 10: // method reference
            case 11: // interface method reference
            case 12: // name and type
            case 17: // dynamic
            case 18: // invokedynamic
                data.skipBytes(4);
                return 0;
            case 15: // method handle
                data.skipBytes(3);
                return 0;
            case 7: // class
            case 8: // string
            case 16: // method type
            case 19: // module
            case 20: // package
                data.skipBytes(2);
                return 0;
            default:
                throw new IOException("unknown constant pool tag " + tag);
        }
    }
}
