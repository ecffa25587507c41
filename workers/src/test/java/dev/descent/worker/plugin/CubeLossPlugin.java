package dev.descent.worker.plugin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.TargetKind;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;

/** A test plug-in named {@code cube}, listed only in the jars that {@link PluginsTest} writes. */
public class CubeLossPlugin implements LossPlugin {

    @Override
    public LossDefinition definition() {
        return new LossDefinition(name(), "0.1", "A test loss.",
                List.of(new LossParameter("power", "a test parameter", 3, 1, 5)), Set.of(TargetKind.IMAGE));
    }

    /** Returns the plug-in's name; a subclass overrides it to collide with another plug-in. */
    protected String name() {
        return "cube";
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        return LossMSE::new;
    }

    /** A second plug-in with the same name, for the duplicate check. */
    public static final class Twin extends CubeLossPlugin {
    }

    /** A plug-in that claims a built-in name. */
    public static final class FakeL2 extends CubeLossPlugin {
        @Override
        protected String name() {
            return "l2";
        }
    }

    /** A plug-in whose name experiment files cannot spell. */
    public static final class Spaced extends CubeLossPlugin {
        @Override
        protected String name() {
            return "Cube Loss!";
        }
    }
}
