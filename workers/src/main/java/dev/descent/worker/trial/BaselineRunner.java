package dev.descent.worker.trial;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TargetKind;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.Datasets;
import dev.descent.worker.data.ImageSet;
import dev.descent.worker.data.LabelledImages;
import dev.descent.worker.model.ConvAutoencoder;
import dev.descent.worker.model.NetworkHead;
import dev.descent.worker.probe.Features;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Baseline} trial with the same data split and probes as a pretext trial (see {@link TrialRunner}).
 *
 * <p>Result fields: the trial's own probe accuracies are the baseline's. The random-encoder fields hold the untrained
 * encoder of the same seed for {@code supervised}, and repeat the trial's own accuracies for {@code raw-pixels} and
 * {@code random-encoder}, which have no trained encoder to compare with. The validation figures are the baseline's
 * own features (the trained encoder for {@code supervised}) scored on the validation images. The pretext loss is the
 * supervised cross-entropy of the last epoch, or 0 when nothing is trained, and so is the throughput.
 */
final class BaselineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineRunner.class);

    /** Adam's step size for building the random encoder; it has no effect because the encoder is never trained. */
    private static final double UNUSED_LEARNING_RATE = 1e-3;

    private final TrialRunner trials;
    private final ConvAutoencoder architecture;

    BaselineRunner(TrialRunner trials, ConvAutoencoder architecture) {
        this.trials = trials;
        this.architecture = architecture;
    }

    /**
     * Runs a baseline trial.
     *
     * @throws IllegalArgumentException if the config names an unknown dataset, baseline or encoder, lacks the
     *     training budget that the supervised baseline needs, or requests more images than the dataset has
     * @throws TrialCancelledException if {@code cancelled} returned true
     */
    TrialOutcome run(String trialId, TrialConfig config, Path datasetFolder, TrialProgressListener listener,
                     BooleanSupplier cancelled) {
        String backend = Backend.initialise();
        Baseline baseline = Baseline.of(config).orElseThrow(() -> new IllegalArgumentException(
                "unknown baseline '" + config.loss() + "'; this worker implements " + Baseline.ids()));
        if (baseline != Baseline.RAW_PIXELS && !ConvAutoencoder.ID.equals(config.encoder())) {
            throw new IllegalArgumentException("unknown encoder '" + config.encoder() + "'; this worker builds "
                    + ConvAutoencoder.ID);
        }
        LabelledImages data = Datasets.load(config.dataset(), datasetFolder);
        checkProbe(config.probe(), data);
        ProbeSplit split = ProbeSplit.of(config.probe(), data.train().size());
        ImageSet probeTrain = split.train(data.train());
        ImageSet validation = split.validation(data.train());
        ImageSet probeTest = data.test().slice(0, config.probe().testImages());
        LOG.info("Trial {}: baseline {} at seed {}", trialId, baseline.id(), config.seed());

        long start = System.nanoTime();
        TrialOutcome outcome = switch (baseline) {
            case RAW_PIXELS -> untrained(rawPixels(probeTrain, probeTest, validation, config, cancelled, trialId),
                    start, backend);
            case RANDOM_ENCODER -> untrained(randomEncoder(probeTrain, probeTest, validation, config, cancelled,
                    trialId), start, backend);
            case SUPERVISED -> supervised(trialId, config, data, probeTrain, probeTest, validation, listener,
                    cancelled, backend);
        };
        LOG.info("Trial {}: baseline {} linear probe {} kNN {}, on validation images {} and {}", trialId,
                baseline.id(), outcome.linearProbeAccuracy(), outcome.knnAccuracy(),
                outcome.validationLinearProbeAccuracy(), outcome.validationKnnAccuracy());
        return outcome;
    }

    /** Scores the standardised pixels with both probes; {@code validation} may be {@code null}. */
    static ProbeScores rawPixels(ImageSet train, ImageSet test, ImageSet validation, TrialConfig config,
                                 BooleanSupplier cancelled, String trialId) {
        return TrialRunner.scoreFeatures(pixels(train), pixels(test), validation == null ? null : pixels(validation),
                config.probe(), config.seed(), cancelled, trialId);
    }

    private static Features pixels(ImageSet images) {
        return new Features(images.pixels(), images.size(), images.pixelsPerImage(), images.labels());
    }

    private ProbeScores randomEncoder(ImageSet train, ImageSet test, ImageSet validation, TrialConfig config,
                                      BooleanSupplier cancelled, String trialId) {
        // The loss and learning rate only shape the decoder's training; the seed alone fixes the initial weights,
        // so this is the same untrained encoder that a pretext trial of the same seed reports.
        NetworkHead head = new NetworkHead(TargetKind.IMAGE, train.channels(), Activation.SIGMOID, new LossMSE());
        MultiLayerNetwork network = architecture.build(train.channels(), train.height(), train.width(), head,
                UNUSED_LEARNING_RATE, config.seed());
        return trials.probe(network, train, test, validation, config.probe(), config.seed(), cancelled, trialId);
    }

    private TrialOutcome supervised(String trialId, TrialConfig config, LabelledImages data, ImageSet probeTrain,
                                    ImageSet probeTest, ImageSet validation, TrialProgressListener listener,
                                    BooleanSupplier cancelled, String backend) {
        TrainingSpec training = config.training();
        checkTraining(training, data);
        ImageSet trainSet = data.train().slice(0, training.pretrainImages());
        MultiLayerNetwork network = architecture.buildClassifier(data.channels(), trainSet.height(), trainSet.width(),
                data.classes(), training.learningRate(), config.seed());

        long evaluationStart = System.nanoTime();
        ProbeScores untrained = trials.probe(network, probeTrain, probeTest, null, config.probe(), config.seed(),
                cancelled, trialId);
        double evaluationSeconds = seconds(evaluationStart);

        long trainStart = System.nanoTime();
        int batchSize = Math.min(training.batchSize(), trainSet.size());
        long batchesPerEpoch = (trainSet.size() + batchSize - 1) / batchSize;
        LossCurveRecorder curve = new LossCurveRecorder(batchesPerEpoch * training.epochs());
        double finalLoss = train(trialId, network, trainSet, data.classes(), training, config.seed(), listener, cancelled, curve);
        double trainSeconds = seconds(trainStart);
        double imagesPerSecond = (double) training.epochs() * trainSet.size() / trainSeconds;

        listener.onEvaluating();
        evaluationStart = System.nanoTime();
        ProbeScores trained = trials.probe(network, probeTrain, probeTest, validation, config.probe(), config.seed(),
                cancelled, trialId);
        evaluationSeconds += seconds(evaluationStart);
        return new TrialOutcome(trained.linear(), trained.knn(), untrained.linear(), untrained.knn(), finalLoss,
                imagesPerSecond, trainSeconds, evaluationSeconds, backend, curve.points(), trained.validationLinear(),
                trained.validationKnn(), trained.labelFractions(), trained.evaluations());
    }

    /** Trains the classifier with softmax cross-entropy and returns the last epoch's mean loss per image. */
    private static double train(String trialId, MultiLayerNetwork network, ImageSet images, int classes,
                                TrainingSpec training, long seed, TrialProgressListener listener, BooleanSupplier cancelled,
                                LossCurveRecorder curve) {
        int count = images.size();
        int pixels = images.pixelsPerImage();
        int batchSize = Math.min(training.batchSize(), count);
        long total = (long) training.epochs() * count;
        long done = 0;
        Random shuffleRandom = new Random(seed);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        long start = System.nanoTime();
        double epochLoss = Double.NaN;
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            shuffle(order, shuffleRandom);
            double lossSum = 0;
            for (int from = 0; from < count; from += batchSize) {
                if (cancelled.getAsBoolean()) {
                    throw new TrialCancelledException(trialId);
                }
                int size = Math.min(batchSize, count - from);
                float[] input = new float[size * pixels];
                float[] labels = new float[size * classes];
                for (int i = 0; i < size; i++) {
                    int image = order[from + i];
                    System.arraycopy(images.pixels(), image * pixels, input, i * pixels, pixels);
                    labels[i * classes + images.label(image)] = 1;
                }
                INDArray inputArray = Nd4j.create(input, new long[] {size, images.channels(), images.height(), images.width()}, 'c');
                INDArray labelArray = Nd4j.create(labels, new long[] {size, classes}, 'c');
                network.fit(inputArray, labelArray);
                double batchLoss = network.score();
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("supervised loss became " + batchLoss + " in epoch "
                            + (epoch + 1) + "; lower training.learning-rate");
                }
                lossSum += batchLoss * size;
                curve.add(size, batchLoss);
                done += size;
                listener.onProgress(done, total, batchLoss, done / seconds(start));
            }
            epochLoss = lossSum / count;
            LOG.debug("Trial {}: supervised epoch {} of {} mean cross-entropy {}", trialId, epoch + 1,
                    training.epochs(), epochLoss);
        }
        return epochLoss;
    }

    private static TrialOutcome untrained(ProbeScores scores, long startNanos, String backend) {
        return new TrialOutcome(scores.linear(), scores.knn(), scores.linear(), scores.knn(), 0, 0, 0,
                seconds(startNanos), backend, List.of(), scores.validationLinear(), scores.validationKnn(),
                scores.labelFractions(), scores.evaluations());
    }

    private static void checkProbe(ProbeSpec probe, LabelledImages data) {
        check(probe.testImages() >= 1 && probe.testImages() <= data.test().size(), "probe.test-images",
                probe.testImages(), "must be from 1 to " + data.test().size());
        check(probe.epochs() >= 1, "probe.epochs", probe.epochs(), "must be 1 or more");
        check(probe.knnK() >= 1 && probe.knnK() <= probe.trainImages(), "probe.knn-k", probe.knnK(),
                "must be from 1 to probe.train-images (" + probe.trainImages() + ")");
    }

    private static void checkTraining(TrainingSpec training, LabelledImages data) {
        check(training != null, "training", null, "the supervised baseline needs a training budget");
        check(training.epochs() >= 1, "training.epochs", training.epochs(), "must be 1 or more");
        check(training.batchSize() >= 1, "training.batch-size", training.batchSize(), "must be 1 or more");
        check(training.learningRate() > 0, "training.learning-rate", training.learningRate(), "must be positive");
        check(training.pretrainImages() >= 1 && training.pretrainImages() <= data.train().size(),
                "training.pretrain-images", training.pretrainImages(), "must be from 1 to " + data.train().size());
    }

    private static void check(boolean valid, String field, Object value, String rule) {
        if (!valid) {
            throw new IllegalArgumentException("invalid " + field + " " + value + ": " + rule);
        }
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
