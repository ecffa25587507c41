package dev.descent.registry.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.descent.model.message.Json;

/**
 * Reads typed values, and arrays of objects, at a streaming parser's current token, and names the offending field when
 * a value is of the wrong type, too long or not finite.
 *
 * <p>A field is named by its parent's path, an index when the parent is an array, and its own name, such as
 * ({@code lossCurve}, 3, {@code loss}) for {@code lossCurve[3].loss}. The readers join these only when they throw, so
 * the ingest path builds no strings for valid results. The caller has already skipped JSON nulls, which count as
 * missing fields. Stateless and thread-safe.
 */
final class JsonValues {

    /** Marks a number that the record did not give or gave as null. JSON itself cannot express NaN. */
    static final double ABSENT = Double.NaN;

    private JsonValues() {
    }

    /** Returns the string at the current token, at most {@code maxLength} characters long and blank if allowed. */
    static String text(JsonParser parser, String parent, int index, String field, int maxLength, boolean blankAllowed)
            throws IOException, InvalidResultException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new InvalidResultException(path(parent, index, field), (blankAllowed ? "expected a string, got "
                    : "expected a non-blank string, got ") + describe(parser));
        }
        String text = parser.getText();
        if (!blankAllowed && text.isBlank()) {
            throw new InvalidResultException(path(parent, index, field), "expected a non-blank string, got \""
                    + text + "\"");
        }
        if (text.length() > maxLength) {
            throw new InvalidResultException(path(parent, index, field), "longer than " + maxLength + " characters: "
                    + abbreviate(text));
        }
        return text;
    }

    /** Returns the finite number at the current token, an integer or not. */
    static double finite(JsonParser parser, String parent, int index, String field)
            throws IOException, InvalidResultException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            double value = parser.getDoubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        }
        throw new InvalidResultException(path(parent, index, field), "expected a finite number, got "
                + describe(parser));
    }

    /** Returns the finite number at the current token, which must lie in [0, 1]. */
    static double accuracy(JsonParser parser, String parent, int index, String field)
            throws IOException, InvalidResultException {
        double accuracy = finite(parser, parent, index, field);
        if (accuracy < 0 || accuracy > 1) {
            throw new InvalidResultException(path(parent, index, field), "accuracy " + accuracy
                    + " is outside [0, 1]");
        }
        return accuracy;
    }

    /** Returns the integer at the current token, which must fit in 64 bits, or in 32 when {@code int32} is set. */
    static long integer(JsonParser parser, String parent, int index, String field, boolean int32)
            throws IOException, InvalidResultException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = parser.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG && !int32) {
                return parser.getLongValue();
            }
        }
        throw new InvalidResultException(path(parent, index, field), (int32 ? "expected a 32-bit integer, got "
                : "expected a 64-bit integer, got ") + describe(parser));
    }

    /**
     * Returns the entries of the array at the current token, which is not a JSON null: at most {@code maxEntries}
     * objects, each read by {@code entryReader} from its start token.
     */
    static <T> List<T> objects(JsonParser parser, String name, int maxEntries, EntryReader<T> entryReader)
            throws IOException, InvalidResultException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new InvalidResultException(name, "expected an array, got " + describe(parser));
        }
        List<T> entries = new ArrayList<>();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            if (i == maxEntries) {
                throw new InvalidResultException(name, "more than the maximum of " + maxEntries + " entries");
            }
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new InvalidResultException(path(name, i, null), "expected an object, got " + describe(parser));
            }
            entries.add(entryReader.read(parser, i));
        }
        return entries;
    }

    /** Reads one object of an array, from its start token up to and including its end. */
    @FunctionalInterface
    interface EntryReader<T> {

        /** Returns the entry at {@code index} of the array. */
        T read(JsonParser parser, int index) throws IOException, InvalidResultException;
    }

    /**
     * Returns the path of a field: {@code parent.field}, {@code parent[index].field}, or {@code parent[index]} when
     * {@code field} is null, and {@code field} alone when {@code parent} is null.
     */
    static String path(String parent, int index, String field) {
        String base = "";
        if (parent != null) {
            base = index < 0 ? parent : parent + "[" + index + "]";
        }
        if (field == null) {
            return base;
        }
        return base.isEmpty() ? field : base + "." + field;
    }

    /** Describes the value at the current token for an error message, reading the whole value if it is a container. */
    static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return abbreviate(Json.messages().readTree(parser).toString());
        }
        if (token == JsonToken.VALUE_STRING) {
            return abbreviate("\"" + parser.getText() + "\"");
        }
        return abbreviate(parser.getText());
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
