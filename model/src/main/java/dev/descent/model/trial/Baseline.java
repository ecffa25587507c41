package dev.descent.model.trial;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.descent.model.spec.ExperimentSpec;

/**
 * The reference trials that every experiment gets next to its grid, so a loss can be judged against what no
 * self-supervision gives. A baseline trial is an ordinary {@link TrialConfig} with pretext {@value #PRETEXT} and the
 * baseline's name as its loss; experiment files cannot request that pretext, because {@code SpecParser} accepts only
 * the pretext tasks a worker trains.
 *
 * <p>A baseline's config keeps only what determines its outcome, so its trial id, and with it the stored result, is
 * shared by every experiment with the same dataset, probe settings and seed: the raw-pixel baseline has no encoder and
 * no training budget, the random encoder has no training budget, and the supervised encoder keeps both.
 */
public enum Baseline {

    /** The probes on the flattened, standardised image pixels. */
    RAW_PIXELS("raw-pixels"),

    /** The probes on a randomly initialised encoder of the experiment's architecture, never trained. */
    RANDOM_ENCODER("random-encoder"),

    /**
     * The probes on the same encoder trained with the labels (a softmax head on the code) on the pretraining images,
     * with the experiment's epochs, batch size and learning rate: an upper bound for a pretext task.
     */
    SUPERVISED("supervised");

    /** The pretext name that marks a baseline trial. */
    public static final String PRETEXT = "baseline";

    private final String id;

    Baseline(String id) {
        this.id = id;
    }

    /** Returns the name used as the trial's loss, such as {@code random-encoder}. */
    public String id() {
        return id;
    }

    /** Returns the baseline of a config, or empty when the config is a pretext trial. */
    public static Optional<Baseline> of(TrialConfig config) {
        if (!PRETEXT.equals(config.pretext())) {
            return Optional.empty();
        }
        return byId(config.loss());
    }

    /** Returns the baseline with the given name. */
    public static Optional<Baseline> byId(String id) {
        return Arrays.stream(values()).filter(baseline -> baseline.id.equals(id)).findFirst();
    }

    /** Returns every baseline's name in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Baseline::id).toList();
    }

    /** Returns this baseline's trial config for one seed of an experiment. */
    public TrialConfig config(ExperimentSpec spec, long seed) {
        String dataset = spec.dataset().trialDataset();
        return switch (this) {
            case RAW_PIXELS -> new TrialConfig(dataset, null, PRETEXT, id, seed, null, spec.probe());
            case RANDOM_ENCODER -> new TrialConfig(dataset, TrialExpander.ENCODER, PRETEXT, id, seed, null,
                    spec.probe());
            case SUPERVISED -> new TrialConfig(dataset, TrialExpander.ENCODER, PRETEXT, id, seed, spec.training(),
                    spec.probe());
        };
    }
}
