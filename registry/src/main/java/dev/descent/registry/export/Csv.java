package dev.descent.registry.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes rows as RFC 4180 CSV with Jackson's CSV module: a header line, then one line per row in the column order of
 * the row type's {@code @JsonPropertyOrder}. Times are ISO-8601 and {@code null} is an empty field.
 */
public final class Csv {

    /** The media type of the CSV responses. */
    public static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Csv() {
    }

    /** Returns the rows as CSV text with a header line. */
    public static <T> String write(Class<T> type, List<T> rows) {
        try {
            return MAPPER.writer(schema(type)).writeValueAsString(rows);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + type.getSimpleName() + " rows as CSV", e);
        }
    }

    /** Opens a writer that writes the header line, then each row it is given, to the stream. */
    public static <T> SequenceWriter open(Class<T> type, OutputStream output) throws IOException {
        return MAPPER.writer(schema(type)).writeValues(output);
    }

    /** Returns the schema of a row type, with a header line. */
    public static CsvSchema schema(Class<?> type) {
        return MAPPER.schemaFor(type).withHeader();
    }

    /** Returns the mapper, which also reads CSV back with {@link #schema}. */
    public static CsvMapper mapper() {
        return MAPPER;
    }
}
