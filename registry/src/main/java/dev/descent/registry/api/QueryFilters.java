package dev.descent.registry.api;

/** Validates the optional filter parameters of the REST queries. */
final class QueryFilters {

    /** Maximum length of an id or name in the database, so a longer filter value cannot match any result. */
    static final int MAX_LENGTH = 200;

    private QueryFilters() {
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
}
