package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The losses that experiment files and canonical loss strings may name in this JVM: the built-in ones of
 * {@link LossFunction}, plus those registered at run time, by a worker for its plug-ins or by the orchestrator for
 * the plug-ins that workers announce.
 *
 * <p>Thread-safe. A name keeps its first definition unless a later one differs, which replaces it (a newer plug-in
 * version); built-in names cannot be replaced.
 */
public final class LossSchemas {

    private static final Map<String, LossDefinition> REGISTERED = new ConcurrentHashMap<>();

    private LossSchemas() {
    }

    /** Returns the definition of a built-in or registered loss. */
    public static Optional<LossDefinition> lookup(String name) {
        Optional<LossFunction> builtIn = LossFunction.byId(name);
        if (builtIn.isPresent()) {
            return builtIn.map(LossFunction::definition);
        }
        return Optional.ofNullable(REGISTERED.get(name));
    }

    /**
     * Makes a loss nameable in specs.
     *
     * @throws IllegalArgumentException if the name is built in, or is the weighted sum's name
     */
    public static void register(LossDefinition definition) {
        if (LossFunction.byId(definition.name()).isPresent() || definition.name().equals(WeightedLossSum.NAME)) {
            throw new IllegalArgumentException("loss name '" + definition.name() + "' is built in; give the plug-in's "
                    + "loss another name");
        }
        REGISTERED.put(definition.name(), definition);
    }

    /** Returns every built-in loss in declaration order, then the registered ones by name. */
    public static List<LossDefinition> all() {
        List<LossDefinition> all = new ArrayList<>(Arrays.stream(LossFunction.values())
                .map(LossFunction::definition).toList());
        REGISTERED.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(all::add);
        return all;
    }

    /** Returns the names of {@link #all()}. */
    public static List<String> names() {
        return all().stream().map(LossDefinition::name).toList();
    }
}
