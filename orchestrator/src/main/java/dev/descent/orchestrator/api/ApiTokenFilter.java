package dev.descent.orchestrator.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.descent.orchestrator.config.ApiSecurityConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <descent.api.token>} on every request under {@code /api} that changes
 * state, and on reads too when {@code descent.api.read-requires-token} is true. Without a configured token every
 * request passes. Health and metrics endpoints under {@code /q} are never checked.
 */
public class ApiTokenFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    ApiSecurityConfig security;

    @Inject
    ObjectMapper json;

    /** Rejects the request with 401 problem+json when it needs the token and lacks it. */
    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        Optional<String> token = security.token().filter(value -> !value.isBlank());
        String path = request.getUriInfo().getPath();
        if (token.isEmpty() || !(path.equals("/api") || path.startsWith("/api/"))) {
            return Optional.empty();
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (read && !security.readRequiresToken()) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(unauthorized(header == null ? "The request has no Authorization header"
                    : "The Authorization header is not a Bearer token"));
        }
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = token.get().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Optional.of(unauthorized("The bearer token does not match descent.api.token"));
        }
        return Optional.empty();
    }

    private Response unauthorized(String reason) {
        // The value of the header is never echoed, since it may be a real token sent to the wrong server.
        ProblemException problem = new ProblemException(401, "unauthorized", "Unauthorized", reason
                + "; send 'Authorization: Bearer <token>' with the token configured in descent.api.token (the CLI "
                + "reads it from the DESCENT_API_TOKEN environment variable).")
                .with("field", "Authorization");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:descent:problem:" + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions());
        String text;
        try {
            text = json.writeValueAsString(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the 401 problem document", e);
        }
        return Response.status(401).type(ProblemMappers.PROBLEM_JSON).entity(text)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"descent\"").build();
    }
}
