package dev.descent.registry.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.core.UriInfo;

import dev.descent.model.spec.PretextSchemas;
import dev.descent.model.trial.Baseline;

/** Validates the query parameters of the REST queries. */
final class QueryFilters {

    /** Maximum length of an id or name in the database, so a longer filter value cannot match any result. */
    static final int MAX_LENGTH = 200;

    /** Value of {@code format} for JSON, the default. */
    static final String JSON = "json";

    /** Value of {@code format} for comma-separated values with a header line. */
    static final String CSV = "csv";

    private QueryFilters() {
    }

    /**
     * Rejects any query parameter not in {@code allowed}, so a misspelt filter does not silently return everything.
     *
     * @throws ProblemException with status 400 naming the first unknown parameter and the allowed ones
     */
    static void rejectUnknown(UriInfo uri, Set<String> allowed) {
        for (String name : new TreeSet<>(uri.getQueryParameters().keySet())) {
            if (!allowed.contains(name)) {
                Set<String> sorted = new TreeSet<>(allowed);
                throw invalid(name, name, "Unknown query parameter '" + name + "'; the valid ones are " + sorted
                        + ".", "Remove '" + name + "' or correct its spelling.", null);
            }
        }
    }

    /**
     * Returns the value, or {@code null} when it is absent or blank, which means "not filtered".
     *
     * @throws ProblemException with status 400 when the value is longer than {@value #MAX_LENGTH} characters
     */
    static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            throw new ProblemException(new Problem("urn:descent:problem:invalid-filter", "Invalid filter", 400,
                    "Query parameter '" + field + "' is " + value.length() + " characters long, more than the "
                            + MAX_LENGTH + " that any stored id or name can have.",
                    null, field, value, "Pass an id or name of at most " + MAX_LENGTH + " characters, or omit '"
                            + field + "' to include all results."));
        }
        return value.trim();
    }

    /**
     * Returns the pretext filter, or {@code null} when absent or blank.
     *
     * @throws ProblemException with status 400 when the value is neither a built-in or announced pretext task nor
     *         {@value Baseline#PRETEXT}
     */
    static String pretext(String value) {
        String pretext = optional("pretext", value);
        if (pretext == null) {
            return null;
        }
        List<String> valid = new ArrayList<>(PretextSchemas.names());
        valid.add(Baseline.PRETEXT);
        if (!valid.contains(pretext)) {
            throw invalid("pretext", pretext, "Query parameter 'pretext' has the invalid value '" + pretext + "'.",
                    "Use one of " + valid + ", or omit 'pretext' to include every pretext task.", valid);
        }
        return pretext;
    }

    /**
     * Returns the budget filter in training images, or {@code null} when absent or blank.
     *
     * @throws ProblemException with status 400 when the value is not a positive whole number
     */
    static Long budget(String value) {
        String budget = optional("budget", value);
        if (budget == null) {
            return null;
        }
        long images;
        try {
            images = Long.parseLong(budget);
        }
        catch (NumberFormatException e) {
            images = 0;
        }
        if (images <= 0) {
            throw invalid("budget", budget, "Query parameter 'budget' has the invalid value '" + budget + "'.",
                    "Pass the training images (epochs x pretrain-images) as a positive whole number, such as "
                            + "5000, or omit 'budget' to include every budget.", null);
        }
        return images;
    }

    /**
     * Returns the response format, {@value #JSON} when absent or blank.
     *
     * @throws ProblemException with status 400 for any other value than {@value #JSON} and {@value #CSV}
     */
    static String format(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        String format = value.trim();
        if (!format.equals(JSON) && !format.equals(CSV)) {
            throw invalid("format", format, "Query parameter 'format' has the invalid value '"
                    + abbreviate(format) + "'.", "Use format=json or format=csv.", List.of(JSON, CSV));
        }
        return format;
    }

    private static ProblemException invalid(String field, String value, String detail, String fix,
            Collection<String> valid) {
        String withValid = valid == null ? detail : detail + " Valid values: " + valid + ".";
        return new ProblemException(new Problem("urn:descent:problem:invalid-query", "Invalid query parameter",
                400, withValid, null, field, value, fix));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
