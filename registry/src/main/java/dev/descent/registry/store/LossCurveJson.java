package dev.descent.registry.store;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.descent.model.message.Json;
import dev.descent.model.message.LossPoint;

/** Converts a loss curve to and from the JSON text of the {@code loss_curve_json} column. */
final class LossCurveJson {

    private static final TypeReference<List<LossPoint>> POINTS = new TypeReference<>() {
    };

    private LossCurveJson() {
    }

    /** Returns the curve as a JSON array, or {@code null} for a missing or empty curve. */
    static String write(List<LossPoint> curve) {
        if (curve == null || curve.isEmpty()) {
            return null;
        }
        try {
            return Json.messages().writeValueAsString(curve);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a loss curve of " + curve.size() + " points", e);
        }
    }

    /** Returns the curve stored as {@code json}, or an empty list for {@code null}. */
    static List<LossPoint> read(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.copyOf(Json.messages().readValue(json, POINTS));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored loss curve is not valid JSON: " + json.substring(0,
                    Math.min(80, json.length())), e);
        }
    }
}
