package dev.descent.registry.ingest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.trial.TrialConfig;

/**
 * Reads a result's {@code config}: an object with a non-blank dataset, pretext task and loss, an optional encoder and
 * a 64-bit seed, whose JSON fits the store's column. The config is small and nested, so it is checked as a tree and
 * then bound. Stateless and thread-safe.
 */
final class ConfigReader {

    private ConfigReader() {
    }

    /**
     * Returns the config object at the parser's current token, after checking the fields that the store needs in
     * columns of their own.
     */
    static TrialConfig read(JsonParser parser) throws IOException, InvalidResultException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidResultException("config", "missing or not an object: " + JsonValues.describe(parser));
        }
        JsonNode config = Json.messages().readTree(parser);
        requireText(config, "dataset", "config.dataset", ResultParser.MAX_ID_LENGTH);
        requireText(config, "pretext", "config.pretext", ResultParser.MAX_ID_LENGTH);
        requireText(config, "loss", "config.loss", ResultParser.MAX_ID_LENGTH);
        optionalText(config, "encoder", "config.encoder", ResultParser.MAX_ID_LENGTH);
        requireLong(config, "seed", "config.seed");
        TrialConfig bound;
        try {
            bound = Json.messages().treeToValue(config, TrialConfig.class);
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("config", "does not match TrialConfig (" + e.getOriginalMessage() + ")");
        }
        int length = configJson(bound).length();
        if (length > ResultParser.MAX_CONFIG_JSON_LENGTH) {
            throw new InvalidResultException("config", length + " characters as JSON, more than the maximum "
                    + ResultParser.MAX_CONFIG_JSON_LENGTH);
        }
        return bound;
    }

    /** Returns the config as the store serialises it, so the length check matches the stored text. */
    private static String configJson(TrialConfig config) throws InvalidResultException {
        try {
            return Json.messages().writeValueAsString(config);
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("config", "cannot be serialised (" + e.getOriginalMessage() + ")");
        }
    }

    private static void requireText(JsonNode parent, String name, String path, int maxLength)
            throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidResultException(path, "missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidResultException(path, "expected a non-blank string, got "
                    + JsonValues.abbreviate(node.toString()));
        }
        checkLength(node, path, maxLength);
    }

    private static void optionalText(JsonNode parent, String name, String path, int maxLength)
            throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isTextual()) {
            throw new InvalidResultException(path, "expected a string, got " + JsonValues.abbreviate(node.toString()));
        }
        checkLength(node, path, maxLength);
    }

    private static void checkLength(JsonNode node, String path, int maxLength) throws InvalidResultException {
        if (node.asText().length() > maxLength) {
            throw new InvalidResultException(path, "longer than " + maxLength + " characters: "
                    + JsonValues.abbreviate(node.asText()));
        }
    }

    private static void requireLong(JsonNode parent, String name, String path) throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidResultException(path, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidResultException(path, "expected a 64-bit integer, got "
                    + JsonValues.abbreviate(node.toString()));
        }
    }
}
