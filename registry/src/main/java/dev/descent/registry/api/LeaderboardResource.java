package dev.descent.registry.api;

import java.sql.SQLException;
import java.util.Set;

import io.micrometer.core.annotation.Timed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.descent.registry.export.Csv;
import dev.descent.registry.export.LeaderboardCsvRow;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardCache;
import dev.descent.registry.rank.LeaderboardFilters;

/** Ranks configurations by the transfer accuracy of their stored results. */
@Path("/api/leaderboard")
public class LeaderboardResource {

    /** The query parameters of the leaderboard: its filters and {@code format}. */
    static final Set<String> PARAMETERS = Set.of("experiment", "dataset", "pretext", "encoder", "budget", "format");

    private final LeaderboardCache cache;

    @Inject
    LeaderboardResource(LeaderboardCache cache) {
        this.cache = cache;
    }

    /**
     * Returns the leaderboard of the stored results that match every given filter, with the baseline results that
     * match the experiment and dataset filters, as JSON or as CSV. Blank filters are ignored, and a filter that
     * matches nothing returns empty rankings.
     *
     * @param experiment only results that this experiment ran or reuses through a result link
     * @param dataset only results on this dataset, such as {@code fashion-mnist}
     * @param pretext only results of this pretext task, such as {@code inpainting}
     * @param encoder only results of this encoder
     * @param budget only results whose training images (epochs x pretrain images) equal this positive number
     * @param format {@code json} (the default) or {@code csv}
     * @throws ProblemException with status 400 for an unknown query parameter or an invalid value
     */
    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @Timed(value = "descent.leaderboard.latency", description = "Time to compute GET /api/leaderboard",
            histogram = true)
    public Response leaderboard(@Context UriInfo uri, @QueryParam("experiment") String experiment,
            @QueryParam("dataset") String dataset, @QueryParam("pretext") String pretext,
            @QueryParam("encoder") String encoder, @QueryParam("budget") String budget,
            @QueryParam("format") String format) throws SQLException {
        QueryFilters.rejectUnknown(uri, PARAMETERS);
        String responseFormat = QueryFilters.format(format);
        LeaderboardFilters filters = new LeaderboardFilters(
                QueryFilters.optional("experiment", experiment),
                QueryFilters.optional("dataset", dataset),
                QueryFilters.pretext(pretext),
                QueryFilters.optional("encoder", encoder),
                QueryFilters.budget(budget));
        if (QueryFilters.CSV.equals(responseFormat)) {
            Leaderboard board = cache.get(filters);
            return Response.ok(Csv.write(LeaderboardCsvRow.class, LeaderboardCsvRow.of(board)), Csv.MEDIA_TYPE)
                    .build();
        }
        return Response.ok(cache.json(filters), MediaType.APPLICATION_JSON).build();
    }
}
