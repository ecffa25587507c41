package dev.descent.registry.api;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.annotation.Timed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.descent.model.trial.Baseline;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardCalculator;
import dev.descent.registry.rank.LeaderboardFilters;
import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoredResult;

/** Ranks loss functions by the transfer accuracy of their stored results. */
@Path("/api/leaderboard")
public class LeaderboardResource {

    private final ResultStore store;
    private final LeaderboardCalculator calculator;

    @Inject
    LeaderboardResource(ResultStore store, LeaderboardCalculator calculator) {
        this.store = store;
        this.calculator = calculator;
    }

    /**
     * Returns the leaderboard of the stored results that match every given filter, with the baseline results that
     * match the experiment and dataset filters. Blank filters are ignored, and a filter that matches nothing returns
     * empty rankings.
     *
     * @param experiment only results linked to this experiment id
     * @param dataset only results on this dataset, such as {@code fashion-mnist}
     * @param pretext only results of this pretext task, such as {@code inpainting}
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Timed(value = "descent.leaderboard.latency", description = "Time to compute GET /api/leaderboard",
            histogram = true)
    public Leaderboard leaderboard(@QueryParam("experiment") String experiment,
            @QueryParam("dataset") String dataset, @QueryParam("pretext") String pretext) throws SQLException {
        LeaderboardFilters filters = new LeaderboardFilters(
                QueryFilters.optional("experiment", experiment),
                QueryFilters.optional("dataset", dataset),
                QueryFilters.optional("pretext", pretext));
        ResultQuery query = new ResultQuery(filters.experiment(), filters.dataset(), filters.pretext());
        List<StoredResult> results = new ArrayList<>(store.find(query));
        if (filters.pretext() != null && !Baseline.PRETEXT.equals(filters.pretext())) {
            // Baselines belong to no pretext task, so a pretext view shows those of its experiment and dataset.
            results.addAll(store.find(new ResultQuery(filters.experiment(), filters.dataset(), Baseline.PRETEXT)));
        }
        return calculator.compute(results, filters);
    }
}
