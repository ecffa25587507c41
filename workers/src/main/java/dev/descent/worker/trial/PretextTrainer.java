package dev.descent.worker.trial;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.spec.TargetKind;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;
import dev.descent.plugin.PretextPlugin;
import dev.descent.plugin.TrainingLoss;
import dev.descent.worker.data.ImageSet;

/**
 * The pretext-training loop of one trial: shuffles the images each epoch, makes each batch's input and target with the
 * pretext task, turns the target into the loss's labels and fits the network, reporting progress after every batch. A
 * loss with state of its own, such as the adversarial loss, first receives the network's output for the batch.
 *
 * <p>Not thread-safe; one trial uses one instance.
 */
final class PretextTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(PretextTrainer.class);
    private static final long CORRUPTION_SEED_SALT = 0x5DEECE66DL;

    private final String trialId;
    private final MultiLayerNetwork network;
    private final PretextPlugin pretext;
    private final TrainingLoss loss;
    private final ImageShape image;
    private final TrialProgressListener listener;
    private final BooleanSupplier cancelled;

    PretextTrainer(String trialId, MultiLayerNetwork network, PretextPlugin pretext, TrainingLoss loss,
                   ImageShape image, TrialProgressListener listener, BooleanSupplier cancelled) {
        this.trialId = trialId;
        this.network = network;
        this.pretext = pretext;
        this.loss = loss;
        this.image = image;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    /**
     * Trains for the spec's epochs and returns the last epoch's mean loss per output value (per pixel for an image
     * target, per example for a class target).
     *
     * @throws TrialCancelledException when the cancel check returns true between batches
     * @throws IllegalStateException when the loss stops being finite, with the fix
     */
    double train(ImageSet images, TrainingSpec training, long seed, LossCurveRecorder curve) {
        int count = images.size();
        int batchSize = Math.min(training.batchSize(), count);
        ImageShape input = pretext.inputShape(image);

        // DL4J's score sums a per-pixel loss over an image's pixels and averages over the batch.
        double valuesPerScore = pretext.targetKind() == TargetKind.CLASS ? 1 : (double) image.height() * image.width();
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
                PretextBatch batch = pretext.make(gather(images, order, from, size), size, image, corruptionRandom);
                INDArray features = Nd4j.create(batch.input(),
                        new long[] {size, input.channels(), input.height(), input.width()}, 'c');
                INDArray labels = loss.labels(target(batch, size));
                if (loss.needsOutput()) {
                    loss.beforeFit(network.output(features, false), labels);
                }
                network.fit(features, labels);

                double batchLoss = network.score() / valuesPerScore;
                if (!Double.isFinite(batchLoss)) {
                    throw new IllegalStateException("pretext loss became " + batchLoss + " in epoch " + (epoch + 1)
                            + "; lower training.learning-rate");
                }
                lossSum += batchLoss * size;
                curve.add(size, batchLoss);
                done += size;
                listener.onProgress(done, total, batchLoss, done / TrialRunner.seconds(start));
            }
            epochLoss = lossSum / count;
            LOG.debug("Trial {}: epoch {} of {} mean pretext loss {}", trialId, epoch + 1, training.epochs(),
                    epochLoss);
        }
        return epochLoss;
    }

    /** Returns a batch's targets: one-hot rows for a class target, else images of the target's channels. */
    private INDArray target(PretextBatch batch, int size) {
        int targetSize = pretext.targetSize(image);
        if (pretext.targetKind() == TargetKind.CLASS) {
            return Nd4j.create(batch.target(), new long[] {size, targetSize}, 'c');
        }
        return Nd4j.create(batch.target(), new long[] {size, targetSize, image.height(), image.width()}, 'c');
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
}
