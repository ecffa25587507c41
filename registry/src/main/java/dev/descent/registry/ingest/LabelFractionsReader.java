package dev.descent.registry.ingest;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.spec.ProbeSpec;

/**
 * Reads a result's {@code labelFractions}: an array of at most {@link ProbeSpec#MAX_LABEL_FRACTIONS} entries, each
 * with a fraction in (0, 1], at least 1 image and neighbour, an L2 weight of 0 or more and four accuracies in [0, 1].
 * Stateless and thread-safe.
 */
final class LabelFractionsReader {

    private static final String NAME = "labelFractions";

    /** The entry's fields in the order that errors for missing ones are reported. */
    private static final String[] FIELDS = {"fraction", "images", "knnK", "linearL2", "validationLinearProbeAccuracy",
            "linearProbeAccuracy", "validationKnnAccuracy", "knnAccuracy"};

    private LabelFractionsReader() {
    }

    /** Returns the entries of the array at the parser's current token, which is not a JSON null. */
    static List<LabelFractionScores> read(JsonParser parser) throws IOException, InvalidResultException {
        return JsonValues.objects(parser, NAME, ProbeSpec.MAX_LABEL_FRACTIONS, LabelFractionsReader::readEntry);
    }

    private static LabelFractionScores readEntry(JsonParser parser, int i)
            throws IOException, InvalidResultException {
        // Indexed as FIELDS, and ABSENT until read.
        double[] values = new double[FIELDS.length];
        Arrays.fill(values, JsonValues.ABSENT);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "fraction" -> {
                    values[0] = JsonValues.finite(parser, NAME, i, field);
                    if (!(values[0] > 0 && values[0] <= 1)) {
                        throw new InvalidResultException(JsonValues.path(NAME, i, field),
                                "must be greater than 0 and at most 1, got " + values[0]);
                    }
                }
                case "images" -> values[1] = atLeastOne(parser, i, field);
                case "knnK" -> values[2] = atLeastOne(parser, i, field);
                case "linearL2" -> {
                    values[3] = JsonValues.finite(parser, NAME, i, field);
                    if (values[3] < 0) {
                        throw new InvalidResultException(JsonValues.path(NAME, i, field),
                                "must not be negative, got " + values[3]);
                    }
                }
                case "validationLinearProbeAccuracy" -> values[4] = JsonValues.accuracy(parser, NAME, i, field);
                case "linearProbeAccuracy" -> values[5] = JsonValues.accuracy(parser, NAME, i, field);
                case "validationKnnAccuracy" -> values[6] = JsonValues.accuracy(parser, NAME, i, field);
                case "knnAccuracy" -> values[7] = JsonValues.accuracy(parser, NAME, i, field);
                default -> parser.skipChildren();
            }
        }
        for (int f = 0; f < FIELDS.length; f++) {
            if (Double.isNaN(values[f])) {
                throw new InvalidResultException(JsonValues.path(NAME, i, FIELDS[f]), "missing");
            }
        }
        return new LabelFractionScores(values[0], (int) values[1], values[3], (int) values[2], values[4], values[5],
                values[6], values[7]);
    }

    private static int atLeastOne(JsonParser parser, int i, String field) throws IOException, InvalidResultException {
        long value = JsonValues.integer(parser, NAME, i, field, true);
        if (value < 1) {
            throw new InvalidResultException(JsonValues.path(NAME, i, field), "must be 1 or more, got " + value);
        }
        return (int) value;
    }
}
