package dev.descent.registry.report;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardCache;
import dev.descent.registry.rank.LeaderboardFilters;
import dev.descent.registry.rank.PretextLeaderboard;
import dev.descent.registry.store.LinkCounts;
import dev.descent.registry.store.LinkStore;
import dev.descent.registry.store.ResultQuery;
import dev.descent.registry.store.ResultStore;
import dev.descent.registry.store.StoredResult;

/** Builds an experiment's report from the stored results and links and the orchestrator's decisions. */
@ApplicationScoped
public class ReportBuilder {

    private final LeaderboardCache leaderboards;
    private final LinkStore links;
    private final DecisionsClient decisions;
    private final ResultStore results;

    @Inject
    ReportBuilder(LeaderboardCache leaderboards, LinkStore links, DecisionsClient decisions, ResultStore results) {
        this.leaderboards = leaderboards;
        this.links = links;
        this.decisions = decisions;
        this.results = results;
    }

    /** Returns the report; an experiment without results gets empty rankings, not an error. */
    public ExperimentReport build(String experimentId) throws SQLException {
        Leaderboard board = leaderboards.get(new LeaderboardFilters(experimentId, null, null));
        LinkCounts counts = links.counts(experimentId);
        List<Winner> winners = new ArrayList<>();
        for (PretextLeaderboard table : board.byPretext()) {
            winners.add(Winner.of(table.pretext(), table.dataset(), table.rows()));
        }
        DecisionsClient.Decisions fetched = decisions.fetch(experimentId);
        List<StoredResult> stored = results.find(ResultQuery.experiment(experimentId));
        return new ExperimentReport(experimentId, Instant.now(), counts,
                winners.stream().filter(Objects::nonNull).toList(), Winner.of(null, null, board.overall()),
                board.meanRanks().isEmpty() ? null : board.meanRanks().get(0), board, fetched.json(),
                fetched.error(), LabelFractionRow.of(stored), EvaluatorRow.of(stored));
    }
}
