package dev.descent.registry.ingest;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialResult;

/**
 * Parses and validates the JSON value of a record on the results topic.
 *
 * <p>Jackson's data binding would fill a missing number with 0, so the parser reads the record with Jackson's
 * streaming parser and checks each field as it reads it ({@link ResultFields}), without building a tree of the whole
 * record. The loss curve, most of a record, is read straight into its points. The length limits equal the column
 * sizes in {@code V1__trial_results.sql}, so that an oversized field is skipped here as invalid rather than failing
 * the insert.
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

    /**
     * Returns the result that the JSON text describes.
     *
     * @throws InvalidResultException when the text is not JSON or has a key twice in one object. Also when a required
     *         field is missing or blank, an accuracy is not a number in [0, 1], another number is not finite, or a
     *         text field is longer than its column
     */
    public TrialResult parse(String text) throws InvalidResultException {
        if (text == null || text.isBlank()) {
            throw new InvalidResultException("$", "the record value is empty; expected a TrialResult JSON object");
        }
        try (JsonParser parser = Json.messages().createParser(text)) {
            // Rejected, so that no reader of a record has to choose which of two values for a key counts.
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidResultException("$", "expected a JSON object, got " + JsonValues.abbreviate(text));
            }
            TrialResult result = new ResultFields().read(parser).toResult();
            if (parser.nextToken() != null) {
                throw new InvalidResultException("$", "unexpected content after the JSON object: "
                        + JsonValues.abbreviate(parser.getText()));
            }
            return result;
        }
        catch (JsonProcessingException e) {
            throw new InvalidResultException("$", "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        catch (IOException e) {
            throw new IllegalStateException("reading JSON from a string cannot fail on I/O", e);
        }
    }
}
