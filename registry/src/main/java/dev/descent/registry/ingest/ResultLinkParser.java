package dev.descent.registry.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.message.ResultLink;

/**
 * Parses and validates the JSON value of a record on the result-links topic. The length limits equal the column
 * sizes of {@code result_link} in {@code V3__validation_configurations_links.sql}.
 */
@ApplicationScoped
public class ResultLinkParser {

    /**
     * Returns the link that the JSON text describes.
     *
     * @throws InvalidResultException when the text is not a JSON object, {@code experimentId} or {@code trialId} is
     *         missing, blank or longer than {@value ResultParser#MAX_ID_LENGTH} characters, {@code sourceExperimentId}
     *         is not a string of that length, or {@code linkedAt} is not an ISO-8601 instant
     */
    public ResultLink parse(String text) throws InvalidResultException {
        if (text == null || text.isBlank()) {
            throw new InvalidResultException("$", "the record value is empty; expected a ResultLink JSON object");
        }
        JsonNode root;
        try {
            root = Json.messages().readTree(text);
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidResultException("$", "expected a JSON object, got " + abbreviate(text));
        }
        String experimentId = text(root, "experimentId", true);
        String trialId = text(root, "trialId", true);
        String sourceExperimentId = text(root, "sourceExperimentId", false);
        Instant linkedAt = null;
        String linkedAtText = text(root, "linkedAt", false);
        if (linkedAtText != null) {
            try {
                linkedAt = Instant.parse(linkedAtText);
            }
            catch (DateTimeParseException e) {
                throw new InvalidResultException("linkedAt", "expected an ISO-8601 instant such as "
                        + "2026-12-04T10:15:30Z, got " + abbreviate(linkedAtText));
            }
        }
        return new ResultLink(experimentId, trialId, sourceExperimentId, linkedAt);
    }

    private static String text(JsonNode root, String name, boolean required) throws InvalidResultException {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidResultException(name, "missing");
            }
            return null;
        }
        if (!node.isTextual() || (required && node.asText().isBlank())) {
            throw new InvalidResultException(name, "expected a non-blank string, got " + abbreviate(node.toString()));
        }
        if (node.asText().length() > ResultParser.MAX_ID_LENGTH) {
            throw new InvalidResultException(name, "longer than " + ResultParser.MAX_ID_LENGTH + " characters: "
                    + abbreviate(node.asText()));
        }
        return node.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
