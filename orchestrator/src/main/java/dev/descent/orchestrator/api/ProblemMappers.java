package dev.descent.orchestrator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecProblem;
import dev.descent.orchestrator.kafka.KafkaSendException;
import dev.descent.orchestrator.submit.PublishException;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the REST API into an RFC 9457 {@code application/problem+json} response. */
public class ProblemMappers {

    /** The media type of problem documents. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response mapProblem(ProblemException problem) {
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response mapInvalidSpec(SpecException invalid) {
        List<SpecProblem> problems = invalid.problems();
        StringBuilder detail = new StringBuilder("The experiment file has ").append(problems.size())
                .append(problems.size() == 1 ? " problem; fix it" : " problems; fix them").append(" and submit again:");
        List<Map<String, Object>> list = new ArrayList<>();
        for (SpecProblem problem : problems) {
            detail.append('\n').append(problem.describe());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("line", problem.line());
            item.put("field", problem.field());
            item.put("value", problem.value());
            item.put("message", problem.message());
            list.add(item);
        }
        String source = problems.isEmpty() ? null : problems.get(0).source();
        return respond(new ProblemException(400, "invalid-experiment", "Invalid experiment file", detail.toString())
                .with("source", source)
                .with("problems", list));
    }

    @ServerExceptionMapper
    public Response mapPublishFailure(PublishException failure) {
        return respond(new ProblemException(503, "publish-failed", "Trials not published",
                "Experiment " + failure.experimentId() + " is stored with state PUBLISH_FAILED because "
                        + failure.getMessage() + ". Check that the Kafka broker in kafka.bootstrap.servers is "
                        + "running, then submit the experiment again.")
                .with("experimentId", failure.experimentId()));
    }

    @ServerExceptionMapper
    public Response mapSendFailure(KafkaSendException failure) {
        return respond(new ProblemException(503, "broker-unavailable", "Broker unavailable",
                "The orchestrator could not reach the Kafka broker (" + failure.getMessage() + "), so nothing was "
                        + "changed. Check that the broker in kafka.bootstrap.servers is running, then retry."));
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException error) {
        int status = error.getResponse().getStatus();
        if (error instanceof NotSupportedException) {
            return respond(new ProblemException(status, "unsupported-media-type", "Unsupported media type",
                    "Send the experiment file as application/yaml, application/x-yaml, text/yaml or text/plain "
                            + "in UTF-8."));
        }
        if (error instanceof NotFoundException) {
            return respond(new ProblemException(status, "not-found", "Not found",
                    "No resource exists at this path; the API is under /api/experiments."));
        }
        if (error instanceof NotAllowedException) {
            return respond(new ProblemException(status, "method-not-allowed", "Method not allowed",
                    "This path does not accept the request's method. Use GET or POST on /api/experiments, GET "
                            + "on /api/experiments/{id}, and POST on /api/experiments/{id}/cancel."));
        }
        String reason = error.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new ProblemException(status, "http-" + status, reason, error.getMessage()));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(RuntimeException error) {
        LOG.errorf(error, "Request failed: %s", error.getMessage());
        return respond(new ProblemException(500, "internal-error", "Internal server error",
                "The orchestrator failed to process the request: " + error.getMessage()
                        + ". Its log has the stack trace."));
    }

    private Response respond(ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:descent:problem:" + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        problem.extensions().forEach(body::putIfAbsent);
        String text;
        try {
            text = json.writeValueAsString(body);
        }
        catch (JsonProcessingException e) {
            LOG.errorf(e, "Cannot serialise the problem document for status %d", problem.status());
            text = "{\"title\":\"Internal server error\",\"status\":500}";
        }
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(text).build();
    }
}
