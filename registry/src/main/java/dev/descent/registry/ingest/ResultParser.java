package dev.descent.registry.ingest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;

/**
 * Parses and validates the JSON value of a record on the results topic.
 *
 * <p>Jackson would fill a missing number with 0, so the parser checks the JSON tree for required fields before it
 * binds the record. The length limits equal the column sizes in {@code V1__trial_results.sql}, so that an oversized
 * field is skipped here as invalid rather than failing the insert.
 */
@ApplicationScoped
public class ResultParser {

    /** Maximum length of ids and of config names such as the dataset and the loss. */
    static final int MAX_ID_LENGTH = 200;

    /** Maximum length of the worker id and the backend description. */
    static final int MAX_LABEL_LENGTH = 500;

    /** Maximum length of the config serialised as JSON. */
    static final int MAX_CONFIG_JSON_LENGTH = 20_000;

    /** Maximum points in a loss curve; workers send about 100. */
    static final int MAX_LOSS_POINTS = 10_000;

    /**
     * Maximum evaluator plug-in entries in one result. A worker sends one per loaded evaluator plug-in, so results
     * from a worker with more plug-ins than this are rejected.
     */
    static final int MAX_EVALUATIONS = 100;

    private static final List<String> ACCURACIES = List.of(
            "linearProbeAccuracy", "knnAccuracy", "randomEncoderLinearProbeAccuracy", "randomEncoderKnnAccuracy");

    private static final List<String> FRACTION_ACCURACIES = List.of("validationLinearProbeAccuracy",
            "linearProbeAccuracy", "validationKnnAccuracy", "knnAccuracy");

    private static final List<String> EVALUATION_ACCURACIES = List.of("validationAccuracy", "testAccuracy");

    private static final List<String> NON_NEGATIVE = List.of("wallSeconds", "imagesPerSecond");

    /**
     * Returns the result that the JSON text describes.
     *
     * @throws InvalidResultException when the text is not JSON, a required field is missing or blank, an accuracy is
     *         not a number in [0, 1], another number is not finite, or a text field is longer than its column
     */
    public TrialResult parse(String text) throws InvalidResultException {
        if (text == null || text.isBlank()) {
            throw new InvalidResultException("$", "the record value is empty; expected a TrialResult JSON object");
        }
        // TODO: validate while binding, without the intermediate tree. With the JDK's double parsing, building it took
        // 37 of the 55 us of a parse, and compiling it kept the JIT busy while a new registry stored its first results.
        JsonNode root = readTree(text);
        requireText(root, "experimentId", "experimentId", MAX_ID_LENGTH);
        requireText(root, "trialId", "trialId", MAX_ID_LENGTH);

        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            throw new InvalidResultException("config", "missing or not an object: " + config);
        }
        requireText(config, "dataset", "config.dataset", MAX_ID_LENGTH);
        requireText(config, "pretext", "config.pretext", MAX_ID_LENGTH);
        requireText(config, "loss", "config.loss", MAX_ID_LENGTH);
        optionalText(config, "encoder", "config.encoder", MAX_ID_LENGTH);
        requireLong(config, "seed", "config.seed");

        for (String name : ACCURACIES) {
            double accuracy = requireFinite(root, name);
            if (accuracy < 0 || accuracy > 1) {
                throw new InvalidResultException(name, "accuracy " + accuracy + " is outside [0, 1]");
            }
        }
        requireFinite(root, "finalPretextLoss");
        for (String name : NON_NEGATIVE) {
            double value = requireFinite(root, name);
            if (value < 0) {
                throw new InvalidResultException(name, "must not be negative, got " + value);
            }
        }
        int attempt = requireInt(root, "attempt", "attempt");
        if (attempt < 0) {
            throw new InvalidResultException("attempt", "must not be negative, got " + attempt);
        }
        optionalText(root, "workerId", "workerId", MAX_LABEL_LENGTH);
        optionalText(root, "backend", "backend", MAX_LABEL_LENGTH);
        checkLossCurve(root.get("lossCurve"));
        checkLabelFractions(root.get("labelFractions"));
        checkEvaluations(root.get("evaluations"));

        TrialResult result = bind(root);
        int configLength = configJson(result).length();
        if (configLength > MAX_CONFIG_JSON_LENGTH) {
            throw new InvalidResultException("config", configLength + " characters as JSON, more than the maximum "
                    + MAX_CONFIG_JSON_LENGTH);
        }
        return result;
    }

    /** Returns the config as the store serialises it, so the length check matches the stored text. */
    private static String configJson(TrialResult result) throws InvalidResultException {
        try {
            return Json.messages().writeValueAsString(result.config());
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("config", "cannot be serialised (" + e.getOriginalMessage() + ")");
        }
    }

    private static JsonNode readTree(String text) throws InvalidResultException {
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
        return root;
    }

    private static TrialResult bind(JsonNode root) throws InvalidResultException {
        try {
            return Json.messages().treeToValue(root, TrialResult.class);
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("$", "does not match TrialResult (" + e.getOriginalMessage() + ")");
        }
    }

    /** Accepts a missing or null curve, else an array of points with images >= 0 and a finite loss. */
    private static void checkLossCurve(JsonNode curve) throws InvalidResultException {
        if (curve == null || curve.isNull()) {
            return;
        }
        if (!curve.isArray()) {
            throw new InvalidResultException("lossCurve", "expected an array, got " + abbreviate(curve.toString()));
        }
        if (curve.size() > MAX_LOSS_POINTS) {
            throw new InvalidResultException("lossCurve", curve.size() + " points, more than the maximum "
                    + MAX_LOSS_POINTS);
        }
        for (int i = 0; i < curve.size(); i++) {
            JsonNode point = curve.get(i);
            String path = "lossCurve[" + i + "]";
            if (!point.isObject()) {
                throw new InvalidResultException(path, "expected an object, got " + abbreviate(point.toString()));
            }
            requireLong(point, "images", path + ".images");
            if (point.get("images").asLong() < 0) {
                throw new InvalidResultException(path + ".images", "must not be negative, got "
                        + point.get("images"));
            }
            JsonNode loss = requirePresent(point, "loss", path + ".loss");
            if (!loss.isNumber() || !Double.isFinite(loss.asDouble())) {
                throw new InvalidResultException(path + ".loss", "expected a finite number, got "
                        + abbreviate(loss.toString()));
            }
        }
    }

    /**
     * Accepts missing or null label fractions, else an array of at most {@link ProbeSpec#MAX_LABEL_FRACTIONS}
     * objects, each with a fraction in (0, 1], at least 1 image and neighbour, an L2 weight of 0 or more and four
     * accuracies in [0, 1].
     */
    private static void checkLabelFractions(JsonNode fractions) throws InvalidResultException {
        if (fractions == null || fractions.isNull()) {
            return;
        }
        if (!fractions.isArray()) {
            throw new InvalidResultException("labelFractions", "expected an array, got "
                    + abbreviate(fractions.toString()));
        }
        if (fractions.size() > ProbeSpec.MAX_LABEL_FRACTIONS) {
            throw new InvalidResultException("labelFractions", fractions.size() + " entries, more than the maximum "
                    + ProbeSpec.MAX_LABEL_FRACTIONS);
        }
        for (int i = 0; i < fractions.size(); i++) {
            JsonNode entry = fractions.get(i);
            String path = "labelFractions[" + i + "]";
            if (!entry.isObject()) {
                throw new InvalidResultException(path, "expected an object, got " + abbreviate(entry.toString()));
            }
            double fraction = requireFinite(entry, "fraction", path);
            if (!(fraction > 0 && fraction <= 1)) {
                throw new InvalidResultException(path + ".fraction", "must be greater than 0 and at most 1, got "
                        + fraction);
            }
            for (String name : List.of("images", "knnK")) {
                if (requireInt(entry, name, path + "." + name) < 1) {
                    throw new InvalidResultException(path + "." + name, "must be 1 or more, got " + entry.get(name));
                }
            }
            if (requireFinite(entry, "linearL2", path) < 0) {
                throw new InvalidResultException(path + ".linearL2", "must not be negative, got "
                        + entry.get("linearL2"));
            }
            for (String name : FRACTION_ACCURACIES) {
                double accuracy = requireFinite(entry, name, path);
                if (accuracy < 0 || accuracy > 1) {
                    throw new InvalidResultException(path + "." + name, "accuracy " + accuracy
                            + " is outside [0, 1]");
                }
            }
        }
    }

    /**
     * Accepts missing or null evaluations, else an array of at most {@link #MAX_EVALUATIONS} objects, each with a
     * non-blank name, an optional version, and a validation and a test accuracy that are each null (the plug-in
     * failed) or in [0, 1].
     */
    private static void checkEvaluations(JsonNode evaluations) throws InvalidResultException {
        if (evaluations == null || evaluations.isNull()) {
            return;
        }
        if (!evaluations.isArray()) {
            throw new InvalidResultException("evaluations", "expected an array, got "
                    + abbreviate(evaluations.toString()));
        }
        if (evaluations.size() > MAX_EVALUATIONS) {
            throw new InvalidResultException("evaluations", evaluations.size() + " entries, more than the maximum "
                    + MAX_EVALUATIONS);
        }
        for (int i = 0; i < evaluations.size(); i++) {
            JsonNode entry = evaluations.get(i);
            String path = "evaluations[" + i + "]";
            if (!entry.isObject()) {
                throw new InvalidResultException(path, "expected an object, got " + abbreviate(entry.toString()));
            }
            requireText(entry, "name", path + ".name", MAX_ID_LENGTH);
            optionalText(entry, "version", path + ".version", MAX_ID_LENGTH);
            for (String name : EVALUATION_ACCURACIES) {
                JsonNode accuracy = entry.get(name);
                if (accuracy == null || accuracy.isNull()) {
                    continue;
                }
                if (!accuracy.isNumber() || !Double.isFinite(accuracy.asDouble())) {
                    throw new InvalidResultException(path + "." + name, "expected a finite number or null, got "
                            + abbreviate(accuracy.toString()));
                }
                if (accuracy.asDouble() < 0 || accuracy.asDouble() > 1) {
                    throw new InvalidResultException(path + "." + name, "accuracy " + accuracy.asDouble()
                            + " is outside [0, 1]");
                }
            }
        }
    }

    private static double requireFinite(JsonNode parent, String name, String parentPath)
            throws InvalidResultException {
        String path = parentPath + "." + name;
        JsonNode node = requirePresent(parent, name, path);
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new InvalidResultException(path, "expected a finite number, got " + abbreviate(node.toString()));
        }
        return node.asDouble();
    }

    private static void requireText(JsonNode parent, String name, String path, int maxLength)
            throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidResultException(path, "missing");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidResultException(path, "expected a non-blank string, got " + abbreviate(node.toString()));
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
            throw new InvalidResultException(path, "expected a string, got " + abbreviate(node.toString()));
        }
        checkLength(node, path, maxLength);
    }

    private static void checkLength(JsonNode node, String path, int maxLength) throws InvalidResultException {
        if (node.asText().length() > maxLength) {
            throw new InvalidResultException(path, "longer than " + maxLength + " characters: "
                    + abbreviate(node.asText()));
        }
    }

    private static void requireLong(JsonNode parent, String name, String path) throws InvalidResultException {
        JsonNode node = requirePresent(parent, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidResultException(path, "expected a 64-bit integer, got " + abbreviate(node.toString()));
        }
    }

    private static int requireInt(JsonNode parent, String name, String path) throws InvalidResultException {
        JsonNode node = requirePresent(parent, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidResultException(path, "expected a 32-bit integer, got " + abbreviate(node.toString()));
        }
        return node.asInt();
    }

    private static JsonNode requirePresent(JsonNode parent, String name, String path) throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidResultException(path, "missing");
        }
        return node;
    }

    private static double requireFinite(JsonNode parent, String name) throws InvalidResultException {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidResultException(name, "missing");
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new InvalidResultException(name, "expected a finite number, got " + abbreviate(node.toString()));
        }
        return node.asDouble();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
