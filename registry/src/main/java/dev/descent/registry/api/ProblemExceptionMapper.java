package dev.descent.registry.api;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes {@link ProblemException}s and database failures as {@code application/problem+json}. */
public class ProblemExceptionMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionMapper.class);

    @ServerExceptionMapper
    public Response mapProblem(ProblemException exception, UriInfo uri) {
        return toResponse(exception.problem().withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response mapDatabaseFailure(SQLException exception, UriInfo uri) {
        LOG.error("Request {} failed in the database (SQLState {})", uri.getPath(), exception.getSQLState(),
                exception);
        Problem problem = new Problem("urn:descent:problem:database-unavailable", "Database unavailable", 503,
                "The registry could not read its database: " + exception.getMessage(), uri.getPath(), null, null,
                "Retry later; if it persists, check that the registry's database is running and reachable.");
        return toResponse(problem);
    }

    static Response toResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
