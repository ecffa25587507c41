package dev.descent.model.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecParser;

/** Every file in experiments/ parses, and the ASHA benchmark pair describes the same candidates. */
class ExampleExperimentsTest {

    private static final Path EXPERIMENTS = Path.of("..", "experiments");

    private final SpecParser parser = new SpecParser(500);

    @Test
    void everyExampleParses() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(EXPERIMENTS)) {
            files = listing.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no experiment files in " + EXPERIMENTS.toAbsolutePath());
        for (Path file : files) {
            parser.parse(file.getFileName().toString(), Files.readString(file));
        }
    }

    @Test
    void ashaExampleSearchesTheGridsCandidates() throws IOException {
        ExperimentSpec grid = parse("loss-search-grid.yaml");
        ExperimentSpec asha = parse("loss-search-asha.yaml");

        assertEquals(SearchStrategy.GRID, grid.search().strategy());
        assertEquals(SearchStrategy.ASHA, asha.search().strategy());
        assertEquals(12, SearchPlan.candidates(asha).size(), "6 losses x 2 pretext tasks");
        assertEquals(SearchPlan.candidates(grid), SearchPlan.candidates(asha));
        assertEquals(SearchPlan.gridTrainingImages(grid), SearchPlan.gridTrainingImages(asha));
        Candidate first = SearchPlan.candidates(asha).get(0);
        assertEquals(grid.training(), SearchPlan.training(asha, first, asha.search().rungs() - 1),
                "the top rung trains with the grid's budget");
    }

    private ExperimentSpec parse(String name) throws IOException {
        return parser.parse(name, Files.readString(EXPERIMENTS.resolve(name)));
    }
}
