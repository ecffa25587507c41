package dev.descent.model.message;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mappers for Kafka messages and trial ids; both are thread-safe once built. */
public final class Json {

    private static final ObjectMapper MESSAGES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    /** Returns the mapper for messages: ISO-8601 times, and unknown properties ignored so producers can add fields. */
    public static ObjectMapper messages() {
        return MESSAGES;
    }

    /** Returns the mapper for canonical JSON: properties and map keys sorted, no whitespace. */
    public static ObjectMapper canonical() {
        return CANONICAL;
    }
}
