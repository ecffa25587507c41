package dev.descent.registry.rank;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.registry.store.Configuration;

/**
 * Short names for the rows of one table: the loss alone when the rows differ in nothing else, else the loss with the
 * settings that differ between rows, such as {@code l2 [2x5000 images, lr 0.001]}.
 */
final class ConfigurationLabels {

    private ConfigurationLabels() {
    }

    /** Returns a label for each configuration, in terms of the settings that vary among all of them. */
    static Map<Configuration, String> of(Collection<Configuration> configurations) {
        boolean datasets = varies(configurations, Configuration::dataset);
        boolean encoders = varies(configurations, Configuration::encoder);
        boolean budgets = varies(configurations, configuration -> budget(configuration.training()));
        boolean learningRates = varies(configurations, configuration -> learningRate(configuration.training()));
        boolean batchSizes = varies(configurations, configuration -> batchSize(configuration.training()));
        boolean probes = varies(configurations, Configuration::probe);
        Map<Configuration, String> labels = new HashMap<>();
        for (Configuration configuration : configurations) {
            List<String> parts = new ArrayList<>();
            if (datasets) {
                parts.add(configuration.dataset());
            }
            if (encoders) {
                parts.add(Objects.requireNonNullElse(configuration.encoder(), "no encoder"));
            }
            if (budgets) {
                parts.add(Objects.requireNonNullElse(budget(configuration.training()), "no training"));
            }
            if (learningRates && configuration.training() != null) {
                parts.add("lr " + learningRate(configuration.training()));
            }
            if (batchSizes && configuration.training() != null) {
                parts.add("batch " + batchSize(configuration.training()));
            }
            if (probes) {
                parts.add(probe(configuration.probe()));
            }
            String label = parts.isEmpty() ? configuration.loss()
                    : configuration.loss() + " [" + String.join(", ", parts) + "]";
            labels.put(configuration, label);
        }
        return labels;
    }

    private static boolean varies(Collection<Configuration> configurations, Function<Configuration, Object> setting) {
        return configurations.stream().map(setting).distinct().count() > 1;
    }

    private static String budget(TrainingSpec training) {
        return training == null ? null : training.epochs() + "x" + training.pretrainImages() + " images";
    }

    private static String learningRate(TrainingSpec training) {
        return training == null ? null : String.format(Locale.ROOT, "%s", training.learningRate());
    }

    private static Integer batchSize(TrainingSpec training) {
        return training == null ? null : training.batchSize();
    }

    private static String probe(ProbeSpec probe) {
        if (probe == null) {
            return "default probe";
        }
        return "probe " + probe.trainImages() + "/" + probe.testImages() + " images, " + probe.epochs()
                + " epochs, k " + probe.knnK();
    }
}
