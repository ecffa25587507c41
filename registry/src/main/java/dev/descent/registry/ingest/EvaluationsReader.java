package dev.descent.registry.ingest;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.descent.model.message.EvaluatorScore;

/**
 * Reads a result's {@code evaluations}: an array of at most {@value ResultParser#MAX_EVALUATIONS} entries, each with a
 * non-blank name, an optional version, and a validation and a test accuracy that are each null (the plug-in failed)
 * or in [0, 1]. Stateless and thread-safe.
 */
final class EvaluationsReader {

    private static final String NAME = "evaluations";

    private EvaluationsReader() {
    }

    /** Returns the entries of the array at the parser's current token, which is not a JSON null. */
    static List<EvaluatorScore> read(JsonParser parser) throws IOException, InvalidResultException {
        return JsonValues.objects(parser, NAME, ResultParser.MAX_EVALUATIONS, EvaluationsReader::readEntry);
    }

    private static EvaluatorScore readEntry(JsonParser parser, int i) throws IOException, InvalidResultException {
        String name = null;
        String version = null;
        Double validation = null;
        Double test = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "name" -> name = JsonValues.text(parser, NAME, i, field, ResultParser.MAX_ID_LENGTH, false);
                case "version" -> version = JsonValues.text(parser, NAME, i, field, ResultParser.MAX_ID_LENGTH,
                        true);
                case "validationAccuracy" -> validation = JsonValues.accuracy(parser, NAME, i, field);
                case "testAccuracy" -> test = JsonValues.accuracy(parser, NAME, i, field);
                default -> parser.skipChildren();
            }
        }
        if (name == null) {
            throw new InvalidResultException(JsonValues.path(NAME, i, "name"), "missing");
        }
        return new EvaluatorScore(name, version, validation, test);
    }
}
