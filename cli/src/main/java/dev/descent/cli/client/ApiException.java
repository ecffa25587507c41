package dev.descent.cli.client;

import com.fasterxml.jackson.databind.JsonNode;

/** Thrown when a Descent service responds with an error status; carries its RFC 9457 problem details. */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public ApiException(String call, int status, JsonNode problem) {
        super(call + " returned HTTP " + status + ": " + describe(problem));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }

    /** Returns the problem's {@code type} URI, or {@code null} when the body is not a problem document. */
    public String problemType() {
        return problem.hasNonNull("type") ? problem.get("type").asText() : null;
    }

    /** Returns the problem's detail, or its title, or the raw body when it is not problem+json. */
    public String detail() {
        return describe(problem);
    }

    private static String describe(JsonNode problem) {
        if (problem.hasNonNull("detail")) {
            return problem.get("detail").asText();
        }
        if (problem.hasNonNull("title")) {
            return problem.get("title").asText();
        }
        return problem.isTextual() ? problem.asText() : problem.toString();
    }
}
