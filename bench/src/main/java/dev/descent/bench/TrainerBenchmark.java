package dev.descent.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.FashionMnist;
import dev.descent.worker.data.ImageSet;
import dev.descent.worker.pretext.Inpainting;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;

/**
 * Trains each reference model for one epoch on the first N Fashion-MNIST training images, the way the worker does
 * (batches built from the in-memory images, corrupted by the worker's pretext code, then {@code fit}), and prints one
 * line per model: {@code model=... images_per_second=... final_loss=... seconds=...}.
 *
 * <p>Arguments: {@code [dataset-folder] [images] [batch-size] [models]}, defaulting to
 * {@code /usr/share/datasets/fashion-mnist 10000 128 all}. Set {@code OMP_NUM_THREADS} to fix the thread count.
 * Three warm-up batches run before the timed epoch, as in the PyTorch peer.
 */
public final class TrainerBenchmark {

    private static final int WARMUP_BATCHES = 3;
    private static final double LEARNING_RATE = 1e-3;
    private static final long SEED = 1;

    private TrainerBenchmark() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int batchSize = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        String which = args.length > 3 ? args[3] : "all";

        String backend = Backend.initialise();
        ImageSet train = FashionMnist.load(folder).train().slice(0, images);
        System.out.printf(Locale.ROOT, "backend=%s images=%d batch=%d threads=%s%n", backend, images, batchSize,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));

        List<ReferenceModel> models = new ArrayList<>();
        if (which.equals("all")) {
            models.addAll(List.of(ReferenceModel.values()));
        }
        else {
            for (String id : which.split(",")) {
                models.add(ReferenceModel.byId(id.trim()));
            }
        }
        for (ReferenceModel model : models) {
            run(model, train, batchSize);
        }
    }

    private static void run(ReferenceModel model, ImageSet train, int batchSize) {
        MultiLayerNetwork network = ReferenceNetworks.build(model, LEARNING_RATE, SEED);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < WARMUP_BATCHES; i++) {
            fitBatch(model, network, train, i * batchSize, batchSize, random);
        }

        long start = System.nanoTime();
        double lastLoss = Double.NaN;
        int done = 0;
        for (int from = 0; from < train.size(); from += batchSize) {
            int size = Math.min(batchSize, train.size() - from);
            lastLoss = fitBatch(model, network, train, from, size, random);
            done += size;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "model=%s images_per_second=%.1f final_loss=%.5f seconds=%.2f%n",
                model.id(), done / seconds, lastLoss, seconds);
    }

    /** Trains on one batch and returns its loss: mean per pixel for autoencoders, mean cross-entropy otherwise. */
    private static double fitBatch(ReferenceModel model, MultiLayerNetwork network, ImageSet train, int from,
                                   int size, SplittableRandom random) {
        int side = train.height();
        int pixels = train.pixelsPerImage();
        float[] clean = new float[size * pixels];
        System.arraycopy(train.pixels(), from * pixels, clean, 0, size * pixels);
        if (model == ReferenceModel.ROTATION) {
            float[] rotated = new float[size * pixels];
            INDArray labels = Nd4j.zeros(size, 4);
            for (int i = 0; i < size; i++) {
                int turns = (from + i) % 4;
                Rotations.rotateInto(clean, i, side, turns, rotated, i);
                labels.putScalar(i, turns, 1.0);
            }
            network.fit(Nd4j.create(rotated, new long[] {size, 1, side, side}, 'c'), labels);
            return network.score();
        }
        PretextBatch batch = new Inpainting().make(clean, size, new ImageShape(1, side, side), random);
        INDArray input = Nd4j.create(batch.input(), new long[] {size, 1, side, side}, 'c');
        INDArray target = Nd4j.create(batch.target(), new long[] {size, 1, side, side}, 'c');
        network.fit(input, target);
        // DL4J's score sums the per-pixel loss over an image's pixels and averages over the batch.
        return network.score() / pixels;
    }
}
