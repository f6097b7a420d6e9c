package org.sagebionetworks.accessrecords.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes as text only when they are valid UTF-8: a lenient decoder would replace a bad byte with U+FFFD and the
 * archive would hold something other than the letter, so bytes that are not UTF-8 are kept in base64 instead.
 */
final class Utf8Text {

    private Utf8Text() {}

    /** The text, or null when the bytes are null or not valid UTF-8. */
    static String decodeOrNull(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }

    /** Base64 of bytes that are not text, else null (the text column holds them). */
    static String base64IfNotText(byte[] bytes) {
        if (bytes == null || decodeOrNull(bytes) != null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
