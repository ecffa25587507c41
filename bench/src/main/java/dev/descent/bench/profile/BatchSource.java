package dev.descent.bench.profile;

import java.util.SplittableRandom;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import dev.descent.bench.ReferenceModel;
import dev.descent.bench.Rotations;
import dev.descent.worker.data.ImageSet;
import dev.descent.worker.pretext.Inpainting;
import dev.descent.plugin.ImageShape;
import dev.descent.plugin.PretextBatch;

/**
 * Builds training batches for a {@link ReferenceModel} the way {@code TrainerBenchmark} does: a copy of the images,
 * corrupted by the worker's {@link Inpainting} or rotated with labels, wrapped in new ND4J arrays.
 *
 * <p>The images have one channel, so an NHWC batch has the same memory as the NCHW one and only its shape differs.
 */
final class BatchSource {

    private final ReferenceModel model;
    private final ImageSet images;
    private final CNN2DFormat format;
    private final SplittableRandom random;

    BatchSource(ReferenceModel model, ImageSet images, CNN2DFormat format, long seed) {
        this.model = model;
        this.images = images;
        this.format = format;
        this.random = new SplittableRandom(seed);
    }

    /** Builds the batch of images {@code from} to {@code from + size - 1}: the features and the labels. */
    DataSet batch(int from, int size) {
        int side = images.height();
        int pixels = images.pixelsPerImage();
        float[] clean = new float[size * pixels];
        System.arraycopy(images.pixels(), from * pixels, clean, 0, size * pixels);
        if (model == ReferenceModel.ROTATION) {
            float[] rotated = new float[size * pixels];
            INDArray labels = Nd4j.zeros(size, 4);
            for (int i = 0; i < size; i++) {
                int turns = (from + i) % 4;
                Rotations.rotateInto(clean, i, side, turns, rotated, i);
                labels.putScalar(i, turns, 1.0);
            }
            return new DataSet(image(rotated, size, side), labels);
        }
        PretextBatch batch = new Inpainting().make(clean, size, new ImageShape(1, side, side), random);
        return new DataSet(image(batch.input(), size, side), image(batch.target(), size, side));
    }

    private INDArray image(float[] values, int size, int side) {
        long[] shape = format == CNN2DFormat.NHWC ? new long[] {size, side, side, 1} : new long[] {size, 1, side, side};
        return Nd4j.create(values, shape, 'c');
    }
}
