package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.Json;
import dev.descent.model.message.WorkerCatalog;

/** Rules for plug-in definitions, and how announcements that break them are handled. */
class DefinitionRulesTest {

    private static LossDefinition loss(String name, LossParameter parameter) {
        return new LossDefinition(name, "1.0", "test", parameter == null ? List.of() : List.of(parameter),
                Set.of(TargetKind.IMAGE));
    }

    @Test
    void validDefinitionHasNoProblems() {
        LossDefinition valid = loss("log-cosh", new LossParameter("scale", "s", 1, 0.1, 100));

        assertEquals(List.of(), DefinitionRules.problems(valid));
    }

    @Test
    void namesMustBeUsableInExperimentFiles() {
        String spaced = DefinitionRules.problems(loss("Log Cosh!", null)).get(0);

        assertTrue(spaced.contains("invalid loss name 'Log Cosh!'"), spaced);
        assertTrue(DefinitionRules.problems(loss("sum", null)).get(0).contains("weighted sums"));
    }

    @Test
    void defaultsMustLieInTheirRange() {
        List<String> outside = DefinitionRules.problems(loss("x", new LossParameter("scale", "s", 1000, 0.1, 100)));
        List<String> swapped = DefinitionRules.problems(loss("x", new LossParameter("scale", "s", 1, 100, 0.1)));

        assertTrue(outside.get(0).contains("invalid default of parameter scale of loss x"), outside.toString());
        assertTrue(swapped.get(0).contains("is above max"), swapped.toString());
    }

    @Test
    void invalidAnnouncedLossIsSkippedNotRegistered() {
        WorkerCatalog catalog = new WorkerCatalog("w", "h", Instant.now(), 30,
                List.of(loss("Bad Name", null), loss("rules-test-ok", null)), List.of(), List.of(), List.of());

        List<String> outcome = AnnouncedSchemas.register(catalog);

        assertTrue(outcome.get(0).startsWith("skipped loss Bad Name"), outcome.toString());
        assertTrue(LossSchemas.lookup("Bad Name").isEmpty());
        assertTrue(LossSchemas.lookup("rules-test-ok").isPresent());
    }

    @Test
    void targetKindsTravelAsCatalogNames() throws Exception {
        String json = Json.messages().writeValueAsString(loss("rules-json", null));

        assertTrue(json.contains("\"targets\":[\"image\"]"), json);
        assertEquals(Set.of(TargetKind.IMAGE), Json.messages().readValue(json, LossDefinition.class).targets());
        assertEquals(TargetKind.CLASS, TargetKind.fromJson("CLASS"), "older announcements used the constant names");
    }
}
