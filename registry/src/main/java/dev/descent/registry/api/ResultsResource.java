package dev.descent.registry.api;

import java.sql.SQLException;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;

import dev.descent.model.message.Json;
import dev.descent.registry.export.Csv;
import dev.descent.registry.export.ResultRow;
import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ResultStore;

/** Exports stored results, one flat row per trial, with the leaderboard's filters. */
@Path("/api/results")
public class ResultsResource {

    private final ResultStore store;

    @Inject
    ResultsResource(ResultStore store) {
        this.store = store;
    }

    /**
     * Streams every stored result that matches the filters, sorted by trial id, as a JSON array of {@link ResultRow}
     * objects or as CSV with the same columns. The CSV's {@code labelFractions} and {@code evaluations} columns are
     * JSON array text, and the JSON export has the arrays themselves. Unlike the leaderboard, a pretext filter does
     * not add baselines.
     *
     * @throws ProblemException with status 400 for an unknown query parameter or an invalid value
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    public Response results(@Context UriInfo uri, @QueryParam("experiment") String experiment,
            @QueryParam("dataset") String dataset, @QueryParam("pretext") String pretext,
            @QueryParam("encoder") String encoder, @QueryParam("budget") String budget,
            @QueryParam("format") String format) {
        QueryFilters.rejectUnknown(uri, LeaderboardResource.PARAMETERS);
        String responseFormat = QueryFilters.format(format);
        ResultQuery query = new ResultQuery(
                QueryFilters.optional("experiment", experiment),
                QueryFilters.optional("dataset", dataset),
                QueryFilters.pretext(pretext),
                QueryFilters.optional("encoder", encoder),
                QueryFilters.budget(budget),
                false);
        if (QueryFilters.CSV.equals(responseFormat)) {
            StreamingOutput csv = output -> {
                try (SequenceWriter writer = Csv.open(ResultRow.class, output)) {
                    store.forEach(query, result -> writer.write(ResultRow.of(result)));
                }
                catch (SQLException e) {
                    throw new IllegalStateException("reading the results failed (SQLState " + e.getSQLState()
                            + "): " + e.getMessage(), e);
                }
            };
            return Response.ok(csv, Csv.MEDIA_TYPE).build();
        }
        StreamingOutput json = output -> {
            try (JsonGenerator generator = Json.messages().getFactory().createGenerator(output)) {
                generator.writeStartArray();
                store.forEach(query, result -> Json.messages().writeValue(generator,
                        ResultRow.jsonObject(result)));
                generator.writeEndArray();
            }
            catch (SQLException e) {
                throw new IllegalStateException("reading the results failed (SQLState " + e.getSQLState() + "): "
                        + e.getMessage(), e);
            }
        };
        return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
}
