package dev.descent.orchestrator.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error that the REST API returns as an RFC 9457 {@code application/problem+json} document.
 *
 * <p>The {@code type} member is {@code urn:descent:problem:} followed by {@link #slug()}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions;

    /**
     * Creates a problem.
     *
     * @param status the HTTP status
     * @param slug the problem type's last segment, such as {@code experiment-not-found}
     * @param title a short summary that is the same for every occurrence of the type
     * @param detail what failed for this request, on which value, and what to do next
     */
    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.extensions = new LinkedHashMap<>();
    }

    /** Adds an extension member, such as the field and the value that were rejected. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
