package org.sagebionetworks.accessrecords.sink.format;

import java.io.IOException;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** How one file's rows become bytes, and the extension Confluent's sink gives such a file. */
public interface FileFormat {

    String extension();

    byte[] write(List<Struct> rows) throws IOException;
}
