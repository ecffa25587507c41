package dev.descent.worker.trial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.spec.TargetKind;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.Datasets;
import dev.descent.worker.data.LabelledImages;
import dev.descent.worker.data.ImageSet;
import dev.descent.worker.model.ConvAutoencoder;
import dev.descent.worker.model.NetworkHead;
import dev.descent.worker.plugin.Plugins;
import dev.descent.worker.plugin.TrainingLosses;
import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.PretextPlugin;
import dev.descent.plugin.TrainingLoss;
import dev.descent.worker.probe.Features;
import dev.descent.worker.probe.KnnClassifier;
import dev.descent.worker.probe.LinearProbe;
import dev.descent.worker.probe.ProbeEvaluation;
import dev.descent.worker.probe.Standardizer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial: pretrains the encoder-decoder on the pretext task, then scores the frozen encoder's features with
 * a linear probe and kNN, and scores the untrained encoder (same architecture and seed) the same way.
 *
 * <p>Data: pretraining uses the first {@code training.pretrainImages} train images. The probe's labelled images
 * come from the end of the train split as {@link ProbeSplit} places them: the last {@code probe.validationImages}
 * are the validation images and the {@code probe.trainImages} before them fit the probe and the kNN memory. The
 * probe is scored on the first {@code probe.testImages} test images and on the validation images.
 *
 * <p>Instances are not thread-safe; a worker runs one trial at a time.
 */
public final class TrialRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);

    private static final int FEATURE_BATCH = 500;

    private final ConvAutoencoder architecture;

    /** Creates a runner for {@link ConvAutoencoder}'s default architecture. */
    public TrialRunner() {
        this(new ConvAutoencoder());
    }

    /**
     * Creates a runner for a given architecture variant.
     *
     * @param architecture the encoder-decoder to build for each trial
     */
    public TrialRunner(ConvAutoencoder architecture) {
        this.architecture = architecture;
    }

    /**
     * Runs a trial, or hands a {@link Baseline} trial to {@link BaselineRunner}.
     *
     * @param trialId the trial's id, for log lines and errors
     * @param config what to train and how to evaluate it
     * @param datasetFolder the folder that contains the dataset's files
     * @param listener receives progress from this thread
     * @param cancelled checked between batches; when it returns true the trial stops
     * @return the measurements
     * @throws IllegalArgumentException if the config names an unknown dataset, encoder, pretext task or loss, or
     *     requests more images than the dataset has
     * @throws dev.descent.worker.data.DatasetNotFoundException if a dataset file is missing
     * @throws TrialCancelledException if {@code cancelled} returned true
     */
    public TrialOutcome run(String trialId, TrialConfig config, Path datasetFolder, TrialProgressListener listener,
                            BooleanSupplier cancelled) {
        if (Baseline.PRETEXT.equals(config.pretext())) {
            return new BaselineRunner(this, architecture).run(trialId, config, datasetFolder, listener, cancelled);
        }
        String backend = Backend.initialise();
        PretextPlugin pretext = resolve(config);
        TrainingSpec training = config.training();
        ProbeSpec probe = config.probe();

        LabelledImages data = Datasets.load(config.dataset(), datasetFolder);
        checkSizes(config, data);
        ImageShape image = new ImageShape(data.channels(), data.train().height(), data.train().width());
        ProbeSplit split = ProbeSplit.of(probe, data.train().size());
        ImageSet pretrainSet = data.train().slice(0, training.pretrainImages());
        ImageSet probeTrain = split.train(data.train());
        ImageSet validation = split.validation(data.train());
        ImageSet probeTest = data.test().slice(0, probe.testImages());
        LOG.info("Trial {}: {} with loss {} at seed {} on {} images of {}x{}x{}; probe train images [{}, {}), "
                        + "validation images [{}, {})", trialId, config.pretext(), config.loss(), config.seed(),
                config.dataset(), image.channels(), image.height(), image.width(), split.trainFrom(),
                split.trainFrom() + split.trainCount(), split.validationFrom(),
                split.validationFrom() + split.validationCount());

        ImageShape input = pretext.inputShape(image);
        LossContext lossContext = pretext.targetKind() == TargetKind.CLASS
                ? LossContext.classes(pretext.targetSize(image), config.seed())
                : LossContext.image(pretext.targetSize(image), image.height(), image.width(), config.seed());
        try (TrainingLoss loss = TrainingLosses.create(config.loss(), lossContext)) {
            int outputs = pretext.targetKind() == TargetKind.CLASS ? pretext.targetSize(image)
                    : pretext.targetSize(image) * loss.outputsPerTargetChannel();
            NetworkHead head = new NetworkHead(pretext.targetKind(), outputs, loss.outputActivation(),
                    loss.lossFunction());
            MultiLayerNetwork network = architecture.build(input.channels(), input.height(), input.width(), head,
                    training.learningRate(), config.seed());
            if (!Backend.convolutionHelpersAttached(network)) {
                LOG.warn("Trial {}: convolution layers run without oneDNN helpers; backend {}", trialId, backend);
            }
            ProbeInputs encoding = new ProbeInputs(pretext, image);

            long evaluationStart = System.nanoTime();
            ProbeScores random = probe(network, encoding.of(probeTrain), encoding.of(probeTest), null, probe,
                    config.seed(), cancelled, trialId);
            double evaluationSeconds = seconds(evaluationStart);

            long pretrainStart = System.nanoTime();
            int batchSize = Math.min(training.batchSize(), pretrainSet.size());
            long batchesPerEpoch = (pretrainSet.size() + batchSize - 1) / batchSize;
            LossCurveRecorder curve = new LossCurveRecorder(batchesPerEpoch * training.epochs());
            double finalLoss = new PretextTrainer(trialId, network, pretext, loss, image, listener, cancelled)
                    .train(pretrainSet, training, config.seed(), curve);
            double pretrainSeconds = seconds(pretrainStart);
            double imagesPerSecond = (double) training.epochs() * training.pretrainImages() / pretrainSeconds;

            listener.onEvaluating();
            evaluationStart = System.nanoTime();
            ProbeScores trained = probe(network, encoding.of(probeTrain), encoding.of(probeTest),
                    encoding.of(validation), probe, config.seed(), cancelled, trialId);
            evaluationSeconds += seconds(evaluationStart);

            return new TrialOutcome(trained.linear(), trained.knn(), random.linear(), random.knn(), finalLoss,
                    imagesPerSecond, pretrainSeconds, evaluationSeconds, backend, curve.points(),
                    trained.validationLinear(), trained.validationKnn(), trained.labelFractions(),
                    trained.evaluations());
        }
    }

    private static PretextPlugin resolve(TrialConfig config) {
        if (!ConvAutoencoder.ID.equals(config.encoder())) {
            throw new IllegalArgumentException("unknown encoder '" + config.encoder() + "'; this worker builds "
                    + ConvAutoencoder.ID);
        }
        return Plugins.pretext(config.pretext()).orElseThrow(() -> new IllegalArgumentException(
                "unknown pretext task '" + config.pretext() + "'; this worker has " + Plugins.pretextNames()
                        + "; put the plug-in's jar in descent.worker.plugins-dir"));
    }

    private static void checkSizes(TrialConfig config, LabelledImages data) {
        TrainingSpec training = config.training();
        ProbeSpec probe = config.probe();
        check(training.epochs() >= 1, "training.epochs", training.epochs(), "must be 1 or more");
        check(training.batchSize() >= 1, "training.batch-size", training.batchSize(), "must be 1 or more");
        check(training.learningRate() > 0, "training.learning-rate", training.learningRate(), "must be positive");
        check(training.pretrainImages() >= 1 && training.pretrainImages() <= data.train().size(),
                "training.pretrain-images", training.pretrainImages(), "must be from 1 to " + data.train().size());
        check(probe.testImages() >= 1 && probe.testImages() <= data.test().size(), "probe.test-images",
                probe.testImages(), "must be from 1 to " + data.test().size());
        check(probe.epochs() >= 1, "probe.epochs", probe.epochs(), "must be 1 or more");
        check(probe.knnK() >= 1 && probe.knnK() <= probe.trainImages(), "probe.knn-k", probe.knnK(),
                "must be from 1 to probe.train-images (" + probe.trainImages() + ")");
    }

    private static void check(boolean valid, String field, Object value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("invalid " + field + " " + value + ": " + rule);
        }
    }

    /**
     * Fits both probes on the encoder's features of {@code train} and scores them on {@code test} and, when it is
     * not {@code null}, on {@code validation}.
     */
    ProbeScores probe(MultiLayerNetwork network, ImageSet train, ImageSet test, ImageSet validation, ProbeSpec probe,
                      long seed, BooleanSupplier cancelled, String trialId) {
        Features trainFeatures = encode(network, train);
        if (cancelled.getAsBoolean()) {
            throw new TrialCancelledException(trialId);
        }
        Features testFeatures = encode(network, test);
        Features validationFeatures = validation == null ? null : encode(network, validation);
        return scoreFeatures(trainFeatures, testFeatures, validationFeatures, probe, seed, cancelled, trialId);
    }

    /**
     * Standardises the features on the train rows, then fits and scores the linear probe and kNN. With validation
     * features, it also runs {@link ProbeEvaluation} on them for non-default {@code probe.labelFractions}, and the
     * worker's evaluator plug-ins through {@link PluginEvaluations}.
     */
    static ProbeScores scoreFeatures(Features train, Features test, Features validation, ProbeSpec probe, long seed,
                                     BooleanSupplier cancelled, String trialId) {
        return scoreFeatures(train, test, validation, probe, seed, cancelled, trialId, Plugins.evaluatorPlugins());
    }

    /** Does what the overload above does, with the given evaluator plug-ins instead of the loaded ones. */
    static ProbeScores scoreFeatures(Features train, Features test, Features validation, ProbeSpec probe, long seed,
                                     BooleanSupplier cancelled, String trialId, List<EvaluatorPlugin> evaluators) {
        int classes = classes(train, test, validation);
        Standardizer standardizer = Standardizer.fit(train);
        Features standardTrain = standardizer.apply(train);
        List<Features> evaluationSets = new ArrayList<>(List.of(standardizer.apply(test)));
        if (validation != null) {
            evaluationSets.add(standardizer.apply(validation));
        }
        double[] linear = new LinearProbe(classes, probe.epochs(), seed)
                .fitAndScoreAll(standardTrain, evaluationSets);
        if (cancelled.getAsBoolean()) {
            throw new TrialCancelledException(trialId);
        }
        KnnClassifier knn = new KnnClassifier(probe.knnK(), classes);
        double testKnn = knn.score(standardTrain, evaluationSets.get(0));
        if (validation == null) {
            return new ProbeScores(linear[0], testKnn, null, null, null, null);
        }
        double validationKnn = knn.score(standardTrain, evaluationSets.get(1));
        Runnable checkCancelled = () -> {
            if (cancelled.getAsBoolean()) {
                throw new TrialCancelledException(trialId);
            }
        };
        List<LabelFractionScores> fractions = null;
        if (!probe.hasDefaultLabelFractions()) {
            fractions = ProbeEvaluation.evaluate(standardTrain, evaluationSets.get(1), evaluationSets.get(0), probe,
                    classes, seed, checkCancelled);
            LOG.info("Trial {}: label fractions {}", trialId, fractions);
        }
        List<EvaluatorScore> evaluations = PluginEvaluations.run(evaluators, standardTrain, evaluationSets.get(1),
                evaluationSets.get(0), classes, seed, trialId, checkCancelled);
        return new ProbeScores(linear[0], testKnn, linear[1], validationKnn, fractions, evaluations);
    }

    /**
     * Returns the number of classes the probes predict: the largest label in the sets plus one, and at least 2. A
     * class that no probe image has cannot be predicted or scored either way, so it changes no accuracy.
     */
    private static int classes(Features... sets) {
        int largest = 1;
        for (Features set : sets) {
            if (set != null) {
                for (int label : set.labels()) {
                    largest = Math.max(largest, label);
                }
            }
        }
        return largest + 1;
    }

    private Features encode(MultiLayerNetwork network, ImageSet images) {
        int count = images.size();
        int pixels = images.pixelsPerImage();
        float[] values = null;
        int columns = 0;
        for (int from = 0; from < count; from += FEATURE_BATCH) {
            int size = Math.min(FEATURE_BATCH, count - from);
            float[] batchPixels = Arrays.copyOfRange(images.pixels(), from * pixels, (from + size) * pixels);
            INDArray input = Nd4j.create(batchPixels, new long[] {size, images.channels(), images.height(), images.width()}, 'c');
            float[] code = architecture.encode(network, input).dup('c').data().asFloat();
            if (values == null) {
                columns = code.length / size;
                values = new float[count * columns];
            }
            System.arraycopy(code, 0, values, from * columns, code.length);
        }
        return new Features(values, count, columns, images.labels());
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
