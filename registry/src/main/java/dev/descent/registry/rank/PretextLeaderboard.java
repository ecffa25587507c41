package dev.descent.registry.rank;

import java.util.List;

/**
 * The ranking of loss functions within one pretext task.
 *
 * @param pretext the pretext task's name
 * @param rows the loss functions, best first
 */
public record PretextLeaderboard(String pretext, List<LeaderboardRow> rows) {
}
