package dev.descent.registry.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}.
 *
 * @param type a URN that identifies the kind of problem, such as {@code urn:descent:problem:trial-not-found}
 * @param title the short, fixed summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong in this request
 * @param instance the request path
 * @param field extension member: the request parameter or path segment at fault
 * @param value extension member: the value that was rejected or not found
 * @param fix extension member: what the client can do about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String field,
        Object value,
        String fix) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Returns a copy with the request path as {@code instance}. */
    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, field, value, fix);
    }
}
