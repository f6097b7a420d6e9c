package org.sagebionetworks.accessrecords.publisher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fenced {@code ```java} blocks of a Markdown page, each a whole Java source file, with its file name. */
final class JavaBlocks {

    private static final Pattern BLOCK = Pattern.compile("^```java\\n(.*?)^```$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE =
            Pattern.compile("^public (?:final |abstract )?(?:class|interface|enum) (\\w+)", Pattern.MULTILINE);

    private JavaBlocks() {}

    static List<String> in(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /** Where javac expects the source: {@code org/example/Name.java}, from its package and its public type. */
    static String pathOf(String source) {
        Matcher pkg = PACKAGE.matcher(source);
        Matcher type = TYPE.matcher(source);
        if (!pkg.find() || !type.find()) {
            throw new IllegalArgumentException(
                    "a block is not a whole source file (package and a public type):\n" + source);
        }
        return pkg.group(1).replace('.', '/') + "/" + type.group(1) + ".java";
    }
}
