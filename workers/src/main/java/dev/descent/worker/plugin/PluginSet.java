package dev.descent.worker.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;

import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.PretextPlugin;

/**
 * The plug-ins that one class loader provides through {@link ServiceLoader}, by name, each with where it came from.
 *
 * <p>Immutable once built.
 */
final class PluginSet {

    private final Map<String, Loaded<LossPlugin>> losses;
    private final Map<String, Loaded<PretextPlugin>> pretexts;
    private final Map<String, Loaded<EvaluatorPlugin>> evaluators;

    private PluginSet(Map<String, Loaded<LossPlugin>> losses, Map<String, Loaded<PretextPlugin>> pretexts,
                      Map<String, Loaded<EvaluatorPlugin>> evaluators) {
        this.losses = losses;
        this.pretexts = pretexts;
        this.evaluators = evaluators;
    }

    /** A plug-in with the jar or class path entry it came from. */
    record Loaded<T>(String name, T plugin, String source) {
    }

    /**
     * Finds every plug-in a class loader offers.
     *
     * @throws PluginException when two plug-ins of one kind share a name, naming both sources
     */
    static PluginSet discover(ClassLoader loader) {
        return new PluginSet(
                find(LossPlugin.class, loader, plugin -> plugin.definition().name()),
                find(PretextPlugin.class, loader, plugin -> plugin.definition().name()),
                find(EvaluatorPlugin.class, loader, plugin -> plugin.definition().name()));
    }

    Map<String, Loaded<LossPlugin>> losses() {
        return losses;
    }

    Map<String, Loaded<PretextPlugin>> pretexts() {
        return pretexts;
    }

    Map<String, Loaded<EvaluatorPlugin>> evaluators() {
        return evaluators;
    }

    private static <T> Map<String, Loaded<T>> find(Class<T> kind, ClassLoader loader, Function<T, String> name) {
        Map<String, Loaded<T>> found = new LinkedHashMap<>();
        List<ServiceLoader.Provider<T>> providers = new ArrayList<>();
        ServiceLoader.load(kind, loader).stream().forEach(providers::add);
        for (ServiceLoader.Provider<T> provider : providers) {
            T plugin = provider.get();
            String pluginName = name.apply(plugin);
            String source = source(provider.type());
            Loaded<T> previous = found.putIfAbsent(pluginName, new Loaded<>(pluginName, plugin, source));
            if (previous != null && builtIn(previous.plugin()) != builtIn(plugin)) {
                String jar = builtIn(plugin) ? previous.source() : source;
                throw new PluginException("plug-in " + jar + " defines '" + pluginName + "', which is built in; "
                        + "rename the plug-in's " + (kind == PretextPlugin.class ? "pretext task" : "loss"));
            }
            if (previous != null) {
                throw new PluginException(kind.getSimpleName() + " '" + pluginName + "' is provided twice, by "
                        + previous.source() + " and by " + source + "; remove one of the jars");
            }
        }
        return found;
    }

    /** Returns whether a plug-in comes from the worker's own jar or classes folder, rather than from another jar. */
    private static boolean builtIn(Object plugin) {
        return source(plugin.getClass()).equals(source(PluginSet.class));
    }

    private static String source(Class<?> type) {
        return Optional.ofNullable(type.getProtectionDomain().getCodeSource())
                .map(code -> String.valueOf(code.getLocation()))
                .orElse(type.getName());
    }
}
