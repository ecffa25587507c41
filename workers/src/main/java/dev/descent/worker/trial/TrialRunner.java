package dev.descent.worker.trial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.FashionMnist;
import dev.descent.worker.data.ImageSet;
import dev.descent.worker.model.ConvAutoencoder;
import dev.descent.worker.model.ReconstructionLoss;
import dev.descent.worker.pretext.Pretext;
import dev.descent.worker.pretext.PretextBatch;
import dev.descent.worker.pretext.Pretexts;
import dev.descent.worker.probe.Features;
import dev.descent.worker.probe.KnnClassifier;
import dev.descent.worker.probe.LinearProbe;
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
    private static final long CORRUPTION_SEED_SALT = 0x5DEECE66DL;

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
        Pretext pretext = resolve(config);
        ReconstructionLoss loss = ReconstructionLoss.parse(config.loss());
        TrainingSpec training = config.training();
        ProbeSpec probe = config.probe();

        FashionMnist data = FashionMnist.load(datasetFolder);
        checkSizes(config, data);
        ProbeSplit split = ProbeSplit.of(probe, data.train().size());
        ImageSet pretrainSet = data.train().slice(0, training.pretrainImages());
        ImageSet probeTrain = split.train(data.train());
        ImageSet validation = split.validation(data.train());
        ImageSet probeTest = data.test().slice(0, probe.testImages());
        LOG.info("Trial {}: {} with loss {} at seed {}; probe train images [{}, {}), validation images [{}, {})",
                trialId, config.pretext(), loss.canonical(), config.seed(), split.trainFrom(),
                split.trainFrom() + split.trainCount(), split.validationFrom(),
                split.validationFrom() + split.validationCount());

        MultiLayerNetwork network = architecture.build(FashionMnist.SIDE, FashionMnist.SIDE, loss,
                training.learningRate(), config.seed());
        if (!Backend.convolutionHelpersAttached(network)) {
            LOG.warn("Trial {}: convolution layers run without oneDNN helpers; backend {}", trialId, backend);
        }

        long evaluationStart = System.nanoTime();
        ProbeScores random = probe(network, probeTrain, probeTest, null, probe, config.seed(), cancelled, trialId);
        double evaluationSeconds = seconds(evaluationStart);

        long pretrainStart = System.nanoTime();
        int batchSize = Math.min(training.batchSize(), pretrainSet.size());
        long batchesPerEpoch = (pretrainSet.size() + batchSize - 1) / batchSize;
        LossCurveRecorder curve = new LossCurveRecorder(batchesPerEpoch * training.epochs());
        double finalLoss = pretrain(trialId, network, pretext, pretrainSet, training, config.seed(), listener,
                cancelled, curve);
        double pretrainSeconds = seconds(pretrainStart);
        double imagesPerSecond = (double) training.epochs() * training.pretrainImages() / pretrainSeconds;

        listener.onEvaluating();
        evaluationStart = System.nanoTime();
        ProbeScores trained = probe(network, probeTrain, probeTest, validation, probe, config.seed(), cancelled,
                trialId);
        evaluationSeconds += seconds(evaluationStart);

        return new TrialOutcome(trained.linear(), trained.knn(), random.linear(), random.knn(), finalLoss,
                imagesPerSecond, pretrainSeconds, evaluationSeconds, backend, curve.points(),
                trained.validationLinear(), trained.validationKnn());
    }

    private static Pretext resolve(TrialConfig config) {
        if (DatasetFormat.byId(config.dataset()).orElse(null) != DatasetFormat.FASHION_MNIST) {
            throw new IllegalArgumentException("unknown dataset '" + config.dataset() + "'; this worker reads "
                    + DatasetFormat.FASHION_MNIST.id());
        }
        if (!ConvAutoencoder.ID.equals(config.encoder())) {
            throw new IllegalArgumentException("unknown encoder '" + config.encoder() + "'; this worker builds "
                    + ConvAutoencoder.ID);
        }
        return Pretexts.byId(config.pretext()).orElseThrow(() -> new IllegalArgumentException(
                "unknown pretext task '" + config.pretext() + "'; this worker implements " + Pretexts.ids()));
    }

    private static void checkSizes(TrialConfig config, FashionMnist data) {
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

    private static double pretrain(String trialId, MultiLayerNetwork network, Pretext pretext, ImageSet images,
                                   TrainingSpec training, long seed, TrialProgressListener listener,
                                   BooleanSupplier cancelled, LossCurveRecorder curve) {
        int count = images.size();
        int pixels = images.pixelsPerImage();
        int batchSize = Math.min(training.batchSize(), count);
        long total = (long) training.epochs() * count;
        long done = 0;
        Random shuffleRandom = new Random(seed);
        SplittableRandom corruptionRandom = new SplittableRandom(seed ^ CORRUPTION_SEED_SALT);
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
                float[] clean = gather(images, order, from, size);
                PretextBatch batch = pretext.corrupt(clean, size, images.height(), images.width(), corruptionRandom);
                INDArray input = Nd4j.create(batch.input(), new long[] {size, 1, images.height(), images.width()}, 'c');
                INDArray target = Nd4j.create(batch.target(),
                        new long[] {size, 1, images.height(), images.width()}, 'c');
                network.fit(input, target);
                // DL4J's score sums the per-pixel loss over an image's pixels and averages over the batch.
                double batchLoss = network.score() / pixels;
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("pretext loss became " + batchLoss + " in epoch " + (epoch + 1)
                            + "; lower training.learning-rate");
                }
                lossSum += batchLoss * size;
                curve.add(size, batchLoss);
                done += size;
                listener.onProgress(done, total, batchLoss, done / seconds(start));
            }
            epochLoss = lossSum / count;
            LOG.debug("Trial {}: epoch {} of {} mean pretext loss {}", trialId, epoch + 1, training.epochs(),
                    epochLoss);
        }
        return epochLoss;
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

    /** Standardises the features on the train rows, then fits and scores the linear probe and kNN. */
    static ProbeScores scoreFeatures(Features train, Features test, Features validation, ProbeSpec probe, long seed,
                                     BooleanSupplier cancelled, String trialId) {
        Standardizer standardizer = Standardizer.fit(train);
        Features standardTrain = standardizer.apply(train);
        List<Features> evaluationSets = new ArrayList<>(List.of(standardizer.apply(test)));
        if (validation != null) {
            evaluationSets.add(standardizer.apply(validation));
        }
        double[] linear = new LinearProbe(FashionMnist.CLASSES, probe.epochs(), seed)
                .fitAndScoreAll(standardTrain, evaluationSets);
        if (cancelled.getAsBoolean()) {
            throw new TrialCancelledException(trialId);
        }
        KnnClassifier knn = new KnnClassifier(probe.knnK(), FashionMnist.CLASSES);
        double testKnn = knn.score(standardTrain, evaluationSets.get(0));
        if (validation == null) {
            return new ProbeScores(linear[0], testKnn, null, null);
        }
        return new ProbeScores(linear[0], testKnn, linear[1], knn.score(standardTrain, evaluationSets.get(1)));
    }

    private Features encode(MultiLayerNetwork network, ImageSet images) {
        int count = images.size();
        int pixels = images.pixelsPerImage();
        float[] values = null;
        int columns = 0;
        for (int from = 0; from < count; from += FEATURE_BATCH) {
            int size = Math.min(FEATURE_BATCH, count - from);
            float[] batchPixels = Arrays.copyOfRange(images.pixels(), from * pixels, (from + size) * pixels);
            INDArray input = Nd4j.create(batchPixels, new long[] {size, 1, images.height(), images.width()}, 'c');
            float[] code = architecture.encode(network, input).dup('c').data().asFloat();
            if (values == null) {
                columns = code.length / size;
                values = new float[count * columns];
            }
            System.arraycopy(code, 0, values, from * columns, code.length);
        }
        return new Features(values, count, columns, images.labels());
    }

    private static float[] gather(ImageSet images, int[] order, int from, int size) {
        int pixels = images.pixelsPerImage();
        float[] batch = new float[size * pixels];
        for (int i = 0; i < size; i++) {
            System.arraycopy(images.pixels(), order[from + i] * pixels, batch, i * pixels, pixels);
        }
        return batch;
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
