package dev.descent.registry.ingest;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.descent.model.message.LossPoint;

/**
 * Reads a result's {@code lossCurve}: an array of at most {@value ResultParser#MAX_LOSS_POINTS} points, each with a
 * number of images that is 0 or more and a finite loss. Other fields of a point are ignored. Stateless and
 * thread-safe.
 */
final class LossCurveReader {

    private static final String NAME = "lossCurve";

    private LossCurveReader() {
    }

    /** Returns the points of the array at the parser's current token, which is not a JSON null. */
    static List<LossPoint> read(JsonParser parser) throws IOException, InvalidResultException {
        return JsonValues.objects(parser, NAME, ResultParser.MAX_LOSS_POINTS, LossCurveReader::readPoint);
    }

    private static LossPoint readPoint(JsonParser parser, int i) throws IOException, InvalidResultException {
        long images = -1;
        double loss = JsonValues.ABSENT;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            if (parser.nextToken() == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (field) {
                case "images" -> {
                    images = JsonValues.integer(parser, NAME, i, "images", false);
                    if (images < 0) {
                        throw new InvalidResultException(JsonValues.path(NAME, i, "images"),
                                "must not be negative, got " + images);
                    }
                }
                case "loss" -> loss = JsonValues.finite(parser, NAME, i, "loss");
                default -> parser.skipChildren();
            }
        }
        if (images < 0) {
            throw new InvalidResultException(JsonValues.path(NAME, i, "images"), "missing");
        }
        if (Double.isNaN(loss)) {
            throw new InvalidResultException(JsonValues.path(NAME, i, "loss"), "missing");
        }
        return new LossPoint(images, loss);
    }
}
