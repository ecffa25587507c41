package dev.descent.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;

class ExperimentTableTest {

    private static JsonNode json(String text) throws Exception {
        return Json.messages().readTree(text.replace('\'', '"'));
    }

    @Test
    void listShowsBarCountsAndEta() throws Exception {
        JsonNode experiments = json("""
                [{'id': 'e-1', 'name': 'quick', 'state': 'RUNNING', 'total': 8, 'done': 2, 'failed': 1,
                  'running': 1, 'etaSeconds': 130},
                 {'id': 'e-2', 'name': 'a-very-long-experiment-name', 'state': 'DONE', 'total': 4, 'done': 4,
                  'failed': 0, 'running': 0, 'etaSeconds': null}]""");

        List<String> lines = ExperimentTable.list(experiments).lines().toList();

        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("experiment"), lines.get(0));
        assertTrue(lines.get(1).startsWith("e-1 "), lines.get(1));
        assertTrue(lines.get(1).contains("[######xxx...............]"), lines.get(1));
        assertTrue(lines.get(1).contains("2/8"), lines.get(1));
        assertTrue(lines.get(1).endsWith("2m 10s"), lines.get(1));
        assertTrue(lines.get(2).contains("a-very-long-experim~"), lines.get(2));
        assertTrue(lines.get(2).contains("[########################]"), lines.get(2));
        assertTrue(lines.get(2).endsWith("-"), lines.get(2));
    }

    @Test
    void emptyListExplainsNextStep() throws Exception {
        assertTrue(ExperimentTable.list(json("[]")).contains("descent submit FILE"));
    }

    @Test
    void detailListsTrialsAndErrors() throws Exception {
        JsonNode experiment = json("""
                {'id': 'e-1', 'name': 'quick', 'state': 'RUNNING', 'total': 2, 'done': 1, 'failed': 0, 'running': 1,
                 'imagesDone': 3000, 'imagesTotal': 4000, 'etaSeconds': 9,
                 'trials': [
                   {'trialId': 't-a', 'pretext': 'inpainting', 'loss': 'l2', 'seed': 1, 'state': 'DONE',
                    'imagesDone': 2000, 'imagesTotal': 2000, 'workerId': 'worker-1'},
                   {'trialId': 't-b', 'pretext': 'denoising', 'loss': 'l1', 'seed': 1, 'state': 'RETRYING',
                    'imagesDone': 1000, 'imagesTotal': 2000, 'workerId': null, 'error': 'worker lost'}]}""");

        String text = ExperimentTable.detail(experiment);

        assertTrue(text.contains("[############............] 1/2 trials done, 1 running, 0 failed | images 75% | ETA 9s"),
                text);
        assertTrue(text.lines().anyMatch(line -> line.contains("t-a") && line.contains("100%")
                && line.contains("worker-1")), text);
        assertTrue(text.lines().anyMatch(line -> line.contains("t-b") && line.contains("50%")), text);
        assertTrue(text.contains("error: worker lost"), text);
    }
}
