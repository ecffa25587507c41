package dev.descent.worker.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.DefinitionRules;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.LossSchemas;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextSchemas;
import dev.descent.model.spec.PretextTask;
import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.PretextPlugin;

/**
 * The worker's plug-ins: the built-in losses and pretext tasks, which the worker's own jar lists as
 * {@link java.util.ServiceLoader} providers, plus those of the jars in the folder named by
 * {@code descent.worker.plugins-dir}. Loading registers the plug-ins' schemas in {@link LossSchemas} and
 * {@link PretextSchemas}, so canonical loss strings and experiment files can name them.
 *
 * <p>Thread-safe. Before {@link #load} is called, only the built-ins are available.
 */
public final class Plugins {

    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    /** The probes every worker runs; plug-in evaluators are listed after them. */
    private static final List<EvaluatorDefinition> BUILT_IN_EVALUATORS = List.of(
            new EvaluatorDefinition("linear-probe", "1.0", "Multinomial logistic regression on the frozen, "
                    + "standardised features."),
            new EvaluatorDefinition("knn", "1.0", "k nearest neighbours by cosine similarity on the frozen, "
                    + "standardised features."));

    private static volatile PluginSet current;

    private Plugins() {
    }

    /**
     * Loads the built-ins and the jars of a folder, replacing what was loaded before.
     *
     * @param folder the folder of extra plug-in jars; empty for built-ins only
     * @throws PluginException naming the jar or plug-in and the fix when a jar cannot be loaded, two plug-ins share a
     *     name, or a plug-in reuses a built-in name
     */
    public static synchronized void load(Optional<Path> folder) {
        ClassLoader loader = Plugins.class.getClassLoader();
        List<Path> jars = List.of();
        if (folder.isPresent()) {
            jars = PluginJars.list(folder.get());
            if (jars.isEmpty()) {
                LOG.warn("Plug-in folder {} has no .jar files; the worker runs the built-in plug-ins only", folder.get());
            }
            else {
                LOG.info("Loading plug-ins from {} jar(s) in {}: {}", jars.size(), folder.get(), jars);
            }
            PluginJars.checkDistinctProviders(jars);
            loader = PluginJars.open(jars, loader);
        }
        PluginSet set;
        try {
            set = PluginSet.discover(loader);
        }
        catch (ServiceConfigurationError e) {
            throw new PluginException("cannot load a plug-in from " + jars + ": " + e.getMessage() + "; check the "
                    + "jar's META-INF/services file and that the class has a public no-argument constructor", e);
        }
        register(set);
        current = set;
        LOG.info("Plug-ins ready: losses {}, pretext tasks {}, evaluators {}", set.losses().keySet(),
                set.pretexts().keySet(), set.evaluators().keySet());
    }

    /** Returns the loss plug-in with a name, such as {@code l2} or a plug-in's {@code charbonnier}. */
    public static Optional<LossPlugin> loss(String name) {
        return Optional.ofNullable(set().losses().get(name)).map(PluginSet.Loaded::plugin);
    }

    /** Returns the pretext plug-in with a name, such as {@code inpainting}. */
    public static Optional<PretextPlugin> pretext(String name) {
        return Optional.ofNullable(set().pretexts().get(name)).map(PluginSet.Loaded::plugin);
    }

    /** Returns the names of the loaded losses. */
    public static List<String> lossNames() {
        return List.copyOf(set().losses().keySet());
    }

    /** Returns the names of the loaded pretext tasks. */
    public static List<String> pretextNames() {
        return List.copyOf(set().pretexts().keySet());
    }

    /** Returns what this worker can run, for its announcement on the catalog topic. */
    public static WorkerCatalog catalog(String workerId, String host, int intervalSeconds) {
        PluginSet set = set();
        List<LossDefinition> losses = set.losses().values().stream().map(l -> l.plugin().definition()).toList();
        List<PretextDefinition> pretexts = set.pretexts().values().stream().map(p -> p.plugin().definition()).toList();
        List<EvaluatorDefinition> evaluators = new ArrayList<>(BUILT_IN_EVALUATORS);
        set.evaluators().values().stream().map(e -> e.plugin().definition()).forEach(evaluators::add);
        return new WorkerCatalog(workerId, host, Instant.now(), intervalSeconds, losses, pretexts, evaluators,
                DatasetFormat.ids());
    }

    private static PluginSet set() {
        PluginSet set = current;
        if (set == null) {
            synchronized (Plugins.class) {
                if (current == null) {
                    load(Optional.empty());
                }
                set = current;
            }
        }
        return set;
    }

    /**
     * Makes plug-in names known to the spec parser. Built-in names keep their built-in definitions: {@link PluginSet}
     * has already rejected a jar that reuses one.
     */
    private static void register(PluginSet set) {
        for (Map.Entry<String, PluginSet.Loaded<LossPlugin>> entry : set.losses().entrySet()) {
            LossDefinition definition = entry.getValue().plugin().definition();
            if (LossFunction.byId(entry.getKey()).isPresent()) {
                continue;
            }
            List<String> problems = DefinitionRules.problems(definition);
            if (!problems.isEmpty()) {
                throw new PluginException(String.join("; ", problems) + " (in " + entry.getValue().source() + ")");
            }
            try {
                LossSchemas.register(definition);
            }
            catch (IllegalArgumentException e) {
                throw new PluginException(e.getMessage() + " (in " + entry.getValue().source() + ")", e);
            }
            LOG.info("Loaded loss plug-in {} {} from {}", definition.name(), definition.version(),
                    entry.getValue().source());
        }
        for (Map.Entry<String, PluginSet.Loaded<PretextPlugin>> entry : set.pretexts().entrySet()) {
            PretextDefinition definition = entry.getValue().plugin().definition();
            if (PretextTask.byId(entry.getKey()).isPresent()) {
                continue;
            }
            List<String> problems = DefinitionRules.problems(definition);
            if (!problems.isEmpty()) {
                throw new PluginException(String.join("; ", problems) + " (in " + entry.getValue().source() + ")");
            }
            PretextSchemas.register(definition);
            LOG.info("Loaded pretext plug-in {} {} from {}", definition.name(), definition.version(),
                    entry.getValue().source());
        }
    }

    /** Returns the evaluator plug-ins loaded from jars; the built-in probes are not among them. */
    public static List<EvaluatorPlugin> evaluatorPlugins() {
        return set().evaluators().values().stream().map(PluginSet.Loaded::plugin).toList();
    }
}
