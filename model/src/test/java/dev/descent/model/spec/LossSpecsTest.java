package dev.descent.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LossSpecsTest {

    @Test
    void canonicalStringsRoundTrip() {
        List<String> canonical = List.of("l2", "l1", "bce", "huber", "huber(delta=0.1)", "huber(delta=0.001)",
                "sum(1.0*l2,0.5*l1)", "sum(0.25*huber(delta=0.1),2.0*bce,1.0*l1)");
        for (String text : canonical) {
            LossSpec spec = LossSpecs.parseCanonical(text);
            assertEquals(text, spec.canonical(), "canonical form of " + text);
            assertEquals(spec, LossSpecs.parseCanonical(spec.canonical()), "round trip of " + text);
        }
    }

    @Test
    void nonCanonicalInputIsNormalised() {
        assertEquals("huber", LossSpecs.parseCanonical("huber(delta=1)").canonical());
        assertEquals("huber(delta=0.1)", LossSpecs.parseCanonical(" huber ( delta = 1e-1 ) ").canonical());
        assertEquals("sum(1.0*l2,0.5*huber)", LossSpecs.parseCanonical("sum(1*l2, 0.50*huber(delta=1.0))")
                .canonical());
    }

    @Test
    void parametersExposeDefaultsAndWeights() {
        assertEquals(Map.of(), LossSpecs.parseCanonical("l2").parameters());
        assertEquals(Map.of("delta", 1.0), LossSpecs.parseCanonical("huber").parameters());
        Map<String, Double> weights = LossSpecs.parseCanonical("sum(1.0*l2,0.5*huber(delta=0.1))").parameters();
        assertEquals(List.of("l2", "huber(delta=0.1)"), List.copyOf(weights.keySet()));
        assertEquals(0.5, weights.get("huber(delta=0.1)"));
    }

    @Test
    void withParameterChangesOneValue() {
        assertEquals("huber(delta=0.25)", LossSpecs.parseCanonical("huber").withParameter("delta", 0.25)
                .canonical());
        assertEquals("huber", LossSpecs.parseCanonical("huber(delta=0.3)").withParameter("delta", 1.0).canonical());
        assertEquals("sum(1.0*l2,3.0*l1)", LossSpecs.parseCanonical("sum(1.0*l2,0.5*l1)")
                .withParameter("l1", 3.0).canonical());
    }

    @Test
    void withParameterRejectsUnknownNamesAndRanges() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> LossSpecs.parseCanonical("l2").withParameter("delta", 0.5));
        assertTrue(none.getMessage().contains("l2 has no parameters"), none.getMessage());

        IllegalArgumentException huber = assertThrows(IllegalArgumentException.class,
                () -> LossSpecs.parseCanonical("huber").withParameter("beta", 0.5));
        assertTrue(huber.getMessage().contains("valid parameters are [delta]"), huber.getMessage());

        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> LossSpecs.parseCanonical("sum(1.0*l2,0.5*l1)").withParameter("bce", 0.5));
        assertTrue(sum.getMessage().contains("[l2, l1]"), sum.getMessage());

        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> LossSpecs.parseCanonical("huber").withParameter("delta", 0));
        assertTrue(range.getMessage().contains("from 0.001 to 1"), range.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> LossSpecs.parseCanonical("sum(1.0*l2,0.5*l1)").withParameter("l1", Double.NaN));
    }

    @Test
    void invalidStringsNameTheProblem() {
        Map<String, String> cases = Map.of(
                "l3", "did you mean 'l2'?",
                "huber(delta=0)", "from 0.001 to 1",
                "huber(delta=NaN)", "expected a number for delta",
                "huber(beta=0.1)", "valid parameters are [delta]",
                "sum(1.0*l2)", "2 to 8 terms",
                "sum(1.0*l2,1.0*sum(1.0*l1,1.0*l2))", "sums do not nest",
                "sum(1.0*l2,0.5*l2)", "listed twice",
                "sum(0*l2,1.0*l1)", "from 0.001 to 1000",
                "l2)", "unexpected ')'",
                "sum(l2,l1)", "expected a number for a weight");
        cases.forEach((text, expected) -> {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> LossSpecs.parseCanonical(text), text);
            assertTrue(error.getMessage().contains(expected), text + ": " + error.getMessage());
            assertTrue(error.getMessage().contains(text), text + ": " + error.getMessage());
        });
        assertThrows(IllegalArgumentException.class, () -> LossSpecs.parseCanonical(""));
        assertThrows(IllegalArgumentException.class, () -> LossSpecs.parseCanonical(null));
    }

    @Test
    void catalogListsEveryBuiltInWithSchemas() {
        List<LossDefinition> builtIns = LossCatalog.builtIns();

        assertEquals(LossFunction.ids(), builtIns.stream().map(LossDefinition::name).toList());
        LossDefinition huber = builtIns.get(2);
        assertEquals(List.of(new LossParameter("delta",
                "the pixel difference where the loss turns from quadratic to linear", 1.0, 0.001, 1.0)),
                huber.parameters());
        for (LossDefinition definition : builtIns) {
            assertTrue(!definition.description().isBlank(), definition.name());
            for (LossParameter parameter : definition.parameters()) {
                assertTrue(parameter.accepts(parameter.defaultValue()), parameter.toString());
            }
        }
        assertEquals("sum", LossCatalog.weightedSum().name());
        assertEquals(List.of(WeightedLossSum.WEIGHT), LossCatalog.weightedSum().parameters());
    }

    @Test
    void specTypesMatchTheString() {
        assertInstanceOf(BasicLoss.class, LossSpecs.parseCanonical("bce"));
        WeightedLossSum sum = assertInstanceOf(WeightedLossSum.class, LossSpecs.parseCanonical("sum(1.0*l2,0.5*l1)"));
        assertEquals(new WeightedTerm(0.5, BasicLoss.of(LossFunction.L1)), sum.terms().get(1));
    }
}
