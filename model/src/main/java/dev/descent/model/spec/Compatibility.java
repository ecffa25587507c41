package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a loss can train a pretext task on a dataset, before any trial runs: a loss must train the kind of
 * target the task predicts (pixel values or a class), a colour task needs RGB images, and a loss that changes the
 * network's output, such as {@code binned-ce}, cannot be summed with losses on pixel values.
 */
public final class Compatibility {

    private Compatibility() {
    }

    /**
     * Returns why the pair cannot train together, naming both and the valid choices, or empty when it can.
     *
     * @param pretext the pretext task's definition
     * @param loss the requested loss
     * @param dataset the dataset's name, for the message
     * @param channels the dataset's colour channels: 1 for grayscale, 3 for RGB
     */
    public static Optional<String> check(PretextDefinition pretext, LossSpec loss, String dataset, int channels) {
        Optional<String> colour = colourProblem(pretext, dataset, channels);
        if (colour.isPresent()) {
            return colour;
        }
        for (BasicLoss term : terms(loss)) {
            if (!term.function().trains(pretext.target())) {
                return Optional.of("loss " + term.function().name() + " cannot train pretext task " + pretext.name()
                        + ", which predicts " + (pretext.target() == TargetKind.CLASS ? "a class" : "an image")
                        + "; losses for " + pretext.name() + " are " + lossesFor(pretext.target()));
            }
        }
        if (loss instanceof WeightedLossSum && terms(loss).stream()
                .anyMatch(term -> term.function().name().equals(LossFunction.BINNED_CE.id()))) {
            return Optional.of("loss " + loss.canonical() + " sums binned-ce, which predicts bins rather than pixel "
                    + "values, with other losses; train binned-ce on its own");
        }
        return Optional.empty();
    }

    /** Returns why a colour task cannot train on a dataset's images, or empty when it can. */
    public static Optional<String> colourProblem(PretextDefinition pretext, String dataset, int channels) {
        if (pretext.needsColor() && channels < 3) {
            return Optional.of("pretext task " + pretext.name() + " needs RGB images, and dataset " + dataset
                    + " is grayscale; use an RGB dataset (cifar-10 or image-folder) or one of the pretext tasks "
                    + grayscaleTasks());
        }
        return Optional.empty();
    }

    /** Returns the names of the known losses that train a target kind, as an experiment file would list them. */
    public static List<String> lossesFor(TargetKind target) {
        List<String> names = new ArrayList<>();
        for (LossDefinition definition : LossSchemas.all()) {
            if (definition.trains(target)) {
                names.add(definition.name());
            }
        }
        return names;
    }

    private static List<String> grayscaleTasks() {
        return PretextSchemas.all().stream().filter(task -> !task.needsColor()).map(PretextDefinition::name).toList();
    }

    private static List<BasicLoss> terms(LossSpec loss) {
        if (loss instanceof BasicLoss basic) {
            return List.of(basic);
        }
        return ((WeightedLossSum) loss).terms().stream().map(WeightedTerm::loss).toList();
    }
}
