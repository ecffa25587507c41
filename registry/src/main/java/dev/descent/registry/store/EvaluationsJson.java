package dev.descent.registry.store;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.Json;

/** Converts evaluator plug-in figures to and from the JSON text of the {@code evaluations_json} column. */
public final class EvaluationsJson {

    private static final TypeReference<List<EvaluatorScore>> SCORES = new TypeReference<>() {
    };

    private EvaluationsJson() {
    }

    /** Returns the figures as a JSON array, or {@code null} for {@code null} or an empty list. */
    public static String write(List<EvaluatorScore> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        try {
            return Json.messages().writeValueAsString(scores);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + scores.size() + " evaluator scores", e);
        }
    }

    /** Returns the figures stored as {@code json}, or {@code null} for {@code null}. */
    public static List<EvaluatorScore> read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return List.copyOf(Json.messages().readValue(json, SCORES));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evaluator scores are not valid JSON: "
                    + json.substring(0, Math.min(80, json.length())), e);
        }
    }
}
