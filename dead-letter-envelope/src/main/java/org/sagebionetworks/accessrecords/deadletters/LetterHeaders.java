package org.sagebionetworks.accessrecords.deadletters;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.header.Headers;

/**
 * A letter's headers split into those that are text and those that are not (base64), and the reason lifted out
 * of them. Bytes arrive as bytes when the worker's header converter is ByteArrayConverter, as the archive
 * connector's configuration sets; any other converter's values are kept as their text form.
 */
final class LetterHeaders {

    /** Written by the service and the loader (pipeline-kafka's DeadLetterHeaders; a test checks they agree). */
    static final String ERROR_CLASS = "error.class";
    /** Written by Connect when errors.deadletterqueue.context.headers.enable is true. */
    static final String CONNECT_EXCEPTION_CLASS = "__connect.errors.exception.class.name";

    private final Map<String, String> text = new LinkedHashMap<>();
    private final Map<String, String> base64 = new LinkedHashMap<>();

    private LetterHeaders() {}

    /** Of two headers with one name the later wins, as in Kafka's own {@code lastHeader}. */
    static LetterHeaders of(Headers headers) {
        LetterHeaders split = new LetterHeaders();
        for (Header header : headers) {
            split.add(header.key(), header.value());
        }
        return split;
    }

    private void add(String name, Object value) {
        text.remove(name);
        base64.remove(name);
        if (value == null) {
            text.put(name, null);
        } else if (value instanceof byte[]) {
            byte[] bytes = (byte[]) value;
            String decoded = Utf8Text.decodeOrNull(bytes);
            if (decoded != null) {
                text.put(name, decoded);
            } else {
                base64.put(name, Base64.getEncoder().encodeToString(bytes));
            }
        } else {
            text.put(name, value.toString());
        }
    }

    Map<String, String> text() {
        return text;
    }

    Map<String, String> base64() {
        return base64;
    }

    /** The service's and loader's reason, else Connect's exception class (the sink's letters), else null. */
    String reason() {
        String ours = text.get(ERROR_CLASS);
        return ours != null ? ours : text.get(CONNECT_EXCEPTION_CLASS);
    }
}
