package org.sagebionetworks.accessrecords.queries;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's own escapes plus DEL and the C1 controls (U+007F-U+009F), which JSON may carry raw but some terminals
 * run (U+009B starts a command as ESC [ does): the value is the same to any JSON reader, and harmless to print.
 */
final class ControlCharacterEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final int DEL = 0x7f;
    private static final int LAST_C1 = 0x9f;

    private final int[] asciiEscapes = standardAsciiEscapesForJSON();
    private final SerializableString[] c1Escapes = new SerializableString[LAST_C1 + 1];

    ControlCharacterEscapes() {
        asciiEscapes[DEL] = ESCAPE_STANDARD;
        for (int c = DEL + 1; c <= LAST_C1; c++) {
            c1Escapes[c] = new SerializedString(String.format("\\u%04X", c));
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
        return c <= LAST_C1 ? c1Escapes[c] : null;
    }
}
