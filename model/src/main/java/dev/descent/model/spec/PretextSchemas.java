package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pretext tasks that experiment files may name in this JVM: the built-in ones of {@link PretextTask}, plus those
 * registered at run time for plug-ins, as {@link LossSchemas} does for losses.
 *
 * <p>Thread-safe.
 */
public final class PretextSchemas {

    private static final Map<String, PretextDefinition> REGISTERED = new ConcurrentHashMap<>();

    private PretextSchemas() {
    }

    /** Returns the definition of a built-in or registered pretext task. */
    public static Optional<PretextDefinition> lookup(String name) {
        Optional<PretextTask> builtIn = PretextTask.byId(name);
        if (builtIn.isPresent()) {
            return builtIn.map(PretextTask::definition);
        }
        return Optional.ofNullable(REGISTERED.get(name));
    }

    /**
     * Makes a pretext task nameable in specs.
     *
     * @throws IllegalArgumentException if the name is built in
     */
    public static void register(PretextDefinition definition) {
        if (PretextTask.byId(definition.name()).isPresent()) {
            throw new IllegalArgumentException("pretext task name '" + definition.name() + "' is built in; give the "
                    + "plug-in's task another name");
        }
        REGISTERED.put(definition.name(), definition);
    }

    /** Returns every built-in task in declaration order, then the registered ones by name. */
    public static List<PretextDefinition> all() {
        List<PretextDefinition> all = new ArrayList<>(Arrays.stream(PretextTask.values())
                .map(PretextTask::definition).toList());
        REGISTERED.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(all::add);
        return all;
    }

    /** Returns the names of {@link #all()}. */
    public static List<String> names() {
        return all().stream().map(PretextDefinition::name).toList();
    }
}
