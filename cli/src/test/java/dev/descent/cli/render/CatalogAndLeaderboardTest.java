package dev.descent.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;

class CatalogAndLeaderboardTest {

    private static JsonNode json(String text) throws Exception {
        return Json.messages().readTree(text.replace('\'', '"'));
    }

    @Test
    void catalogAlignsDescriptions() throws Exception {
        JsonNode entries = json("""
                [{'name': 'l2', 'version': '1', 'description': 'Mean squared error.', 'parameters': []},
                 {'name': 'inpainting', 'version': '1', 'description': 'Context encoder.', 'parameters': []}]""");

        List<String> lines = CatalogTable.format(entries).lines().toList();

        assertEquals("name        version  description", lines.get(0));
        assertEquals("l2          1        Mean squared error.", lines.get(1));
        assertEquals("inpainting  1        Context encoder.", lines.get(2));
    }

    @Test
    void catalogListsParametersAndWorkers() throws Exception {
        JsonNode entries = json("""
                [{'name': 'huber', 'version': '1.0', 'description': 'Huber loss.', 'workers': ['w-1', 'w-2'],
                  'parameters': [{'name': 'delta', 'description': 'the kink', 'defaultValue': 1.0, 'min': 0.001,
                                  'max': 1.0, 'wholeNumber': false}]}]
                """);

        List<String> lines = CatalogTable.format(entries).lines().toList();

        assertEquals("huber  1.0      Huber loss. [2 workers]", lines.get(1));
        assertEquals("       delta = 1.0, 0.001 to 1.0: the kink", lines.get(2));
    }

    @Test
    void leaderboardShowsRowsAndBaselines() throws Exception {
        JsonNode board = json("""
                {'overall': [{'rank': 1, 'loss': 'l1', 'n': 2, 'mean': 0.85, 'std': 0.01, 'knnMean': 0.8,
                              'knnStd': null, 'baselineMean': 0.8, 'gain': 0.05}],
                 'byPretext': [{'pretext': 'inpainting', 'rows': [{'rank': 1, 'loss': 'l1', 'n': 2, 'mean': 0.85,
                              'std': 0.01, 'knnMean': 0.8, 'baselineMean': 0.8, 'gain': 0.05}]}],
                 'baselines': [{'baseline': 'raw-pixels', 'n': 1, 'mean': 0.83, 'knnMean': 0.84}]}""");

        List<String> lines = LeaderboardTable.format(board).lines().toList();

        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("inpainting      1  l1"), lines.get(1));
        assertTrue(lines.get(1).contains("0.8500 ± 0.0100"), lines.get(1));
        assertTrue(lines.get(1).contains("+0.0500"), lines.get(1));
        assertTrue(lines.get(2).startsWith("overall         1  l1"), lines.get(2));
        assertTrue(lines.get(3).startsWith("overall         -  (raw-pixels)"), lines.get(3));
        assertTrue(lines.get(3).contains("0.8300"), lines.get(3));
    }

    @Test
    void leaderboardMarksGainsNotAboveZero() throws Exception {
        JsonNode board = json("""
                {'overall': [{'rank': 1, 'loss': 'l2', 'n': 3, 'mean': 0.85, 'std': 0.01, 'ciLow': 0.82,
                              'ciHigh': 0.88, 'gainOverRandom': 0.03, 'gainCiLow': 0.01, 'gainCiHigh': 0.05,
                              'beatsRandom': true},
                             {'rank': 2, 'loss': 'l1', 'n': 3, 'mean': 0.83, 'std': 0.02, 'ciLow': 0.78,
                              'ciHigh': 0.88, 'gainOverRandom': 0.01, 'gainCiLow': -0.02, 'gainCiHigh': 0.04,
                              'beatsRandom': null}],
                 'byPretext': []}""");

        List<String> lines = LeaderboardTable.format(board).lines().toList();

        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).contains("[0.8200, 0.8800]"), lines.get(1));
        assertTrue(lines.get(1).endsWith("+0.0300 [+0.0100, +0.0500]"), lines.get(1));
        assertTrue(lines.get(2).endsWith("+0.0100 [-0.0200, +0.0400] *"), lines.get(2));
        assertTrue(lines.get(3).startsWith("*: the gain's 95% interval"), lines.get(3));
    }

    @Test
    void leaderboardListsMeanRanks() throws Exception {
        JsonNode board = json("""
                {'overall': [], 'byPretext': [],
                 'meanRanks': [{'rank': 1, 'label': 'l2', 'blocks': 4, 'meanRank': 1.25, 'ciLow': 0.45, 'ciHigh': 2.05},
                               {'rank': 2, 'label': 'huber(delta=0.1)', 'blocks': 4, 'meanRank': 1.75,
                                'ciLow': null, 'ciHigh': null}]}""");

        List<String> lines = LeaderboardTable.format(board).lines().toList();

        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).startsWith("Mean rank across pretext tasks"), lines.get(2));
        assertTrue(lines.get(4).contains("l2"), lines.get(4));
        assertTrue(lines.get(4).contains("1.25"), lines.get(4));
        assertTrue(lines.get(4).contains("[0.45, 2.05]"), lines.get(4));
        assertTrue(lines.get(4).startsWith("                1"), lines.get(4));
        assertTrue(lines.get(5).contains("huber(delta=0.1)"), lines.get(5));
        assertTrue(lines.get(5).trim().endsWith("-"), "no interval without one: " + lines.get(5));
    }

    @Test
    void leaderboardOmitsMeanRanksOfOneBlock() throws Exception {
        JsonNode board = json("""
                {'overall': [], 'byPretext': [],
                 'meanRanks': [{'rank': 1, 'label': 'l2', 'blocks': 1, 'meanRank': 1.0}]}""");

        assertEquals(1, LeaderboardTable.format(board).lines().count(), "only the header line");
    }

    @Test
    void leaderboardShowsTieMarkAndPValue() throws Exception {
        JsonNode board = json("""
                {'overall': [{'rank': 1, 'loss': 'l2', 'label': 'l2 [1x5000 images]', 'n': 3, 'mean': 0.85,
                              'leader': true, 'tiedWithLeader': true, 'vsLeader': null},
                             {'rank': 2, 'loss': 'l1', 'label': 'l1', 'n': 3, 'mean': 0.84, 'leader': false,
                              'tiedWithLeader': true, 'vsLeader': {'method': 'paired', 'pValue': 0.2345}},
                             {'rank': 3, 'loss': 'bce', 'label': 'bce', 'n': 3, 'mean': 0.70, 'leader': false,
                              'tiedWithLeader': false, 'vsLeader': {'method': 'paired', 'pValue': 0.0004}}],
                 'byPretext': []}""");

        List<String> lines = LeaderboardTable.format(board).lines().toList();

        assertTrue(lines.get(0).contains(" p "), lines.get(0));
        assertTrue(lines.get(1).contains("l2 [1x5000 images]"), lines.get(1));
        assertTrue(lines.get(1).contains(" -       leader "), lines.get(1));
        assertTrue(lines.get(2).contains(" 0.235   tied "), lines.get(2));
        assertTrue(lines.get(3).contains(" <0.001  -      "), lines.get(3));
    }
}
