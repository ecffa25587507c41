package dev.descent.worker.model.layer;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.params.DeconvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer that {@link PatchDeconvolution} instantiates.
 *
 * <p>With input {@code x [n, in, h, w]}, weights {@code W [in, out, k, k]} (DL4J's layout) and stride {@code k}, the
 * output is {@code y[n, o, k*r + i, k*c + j] = b[o] + sum over ch of x[n, ch, r, c] * W[ch, o, i, j]}. As matrices:
 * the rows {@code X [n*h*w, in]} times {@code W [in, out*k*k]} give every output block at once. The backward pass is
 * two more products: {@code X^T D} for the weight gradient and {@code D W^T} for the input gradient, where
 * {@code D [n*h*w, out*k*k]} holds the output gradient's blocks.
 *
 * <p>Not thread-safe, like every DL4J layer.
 */
public class PatchDeconvolutionLayer extends Deconvolution2DLayer {

    /**
     * Creates the layer. DL4J calls this through {@link PatchDeconvolution#instantiate}.
     *
     * @param configuration the layer's configuration
     * @param dataType the network's data type
     */
    public PatchDeconvolutionLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaces) {
        if (!patchwise()) {
            return super.activate(training, workspaces);
        }
        assertInputSet(false);
        INDArray preActivation = blocks(rows(input.castTo(dataType)), training, workspaces, ArrayType.ACTIVATIONS);
        return layerConf().getActivationFn().getActivation(preActivation, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!patchwise()) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        INDArray images = input.castTo(dataType);
        long batch = images.size(0);
        long inChannels = images.size(1);
        long rows = images.size(2);
        long columns = images.size(3);
        int kernel = layerConf().getKernelSize()[0];
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
        long outChannels = weights.size(1);

        // Step 1: the gradient at the pre-activation. The forward product is cheap, so it is recomputed.
        INDArray pixelRows = rows(images);
        INDArray preActivation = blocks(pixelRows, true, workspaces, ArrayType.BP_WORKING_MEM);
        INDArray delta = layerConf().getActivationFn().backprop(preActivation, epsilon).getFirst();

        // Step 2: the output gradient's blocks D [n*h*w, out*k*k], held as its transpose in 'c' order, which is D in
        // 'f' order: BLAS reads it without a copy.
        long blockSize = outChannels * kernel * kernel;
        INDArray deltaRows = delta.reshape('c', batch, outChannels, rows, kernel, columns, kernel)
                .permute(1, 3, 5, 0, 2, 4).dup('c').reshape('c', blockSize, batch * rows * columns).transpose();

        // Step 3: the weight gradient X^T D, written as its transpose D^T X into the 'c'-order view, the bias gradient
        // as a sum, and the input gradient D W^T. Nd4j.gemm writes into 'f'-order outputs, because INDArray.mmul on
        // 'c'-order operands took 8.4 ms where gemm took 0.9 ms for a [6272 x 64] x [64 x 128] product on 2 cores.
        INDArray weightGradient = gradientViews.get(DeconvolutionParamInitializer.WEIGHT_KEY);
        Nd4j.gemm(deltaRows, pixelRows, weightGradient.reshape('c', inChannels, blockSize).transpose(), true, false,
                1.0, 0.0);
        INDArray biasGradient = gradientViews.get(DeconvolutionParamInitializer.BIAS_KEY);
        biasGradient.assign(delta.sum(0, 2, 3).reshape('c', biasGradient.shape()));
        INDArray inputRows = Nd4j.createUninitialized(dataType, new long[] {batch * rows * columns, inChannels}, 'f');
        Nd4j.gemm(deltaRows, weights.reshape('c', inChannels, blockSize), inputRows, false, true, 1.0, 0.0);
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType,
                new long[] {batch, inChannels, rows, columns}, 'c');
        // inputRows in 'f' order is [in, n, h, w] in 'c' order.
        inputGradient.assign(inputRows.transpose().reshape('c', inChannels, batch, rows, columns).permute(1, 0, 2, 3));

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(DeconvolutionParamInitializer.WEIGHT_KEY, weightGradient, 'c');
        gradient.setGradientFor(DeconvolutionParamInitializer.BIAS_KEY, biasGradient);
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGradient);
    }

    /** Returns whether this configuration is the non-overlapping case that the matrix products compute. */
    private boolean patchwise() {
        Deconvolution2D configuration = (Deconvolution2D) layerConf();
        int[] kernel = configuration.getKernelSize();
        boolean zeroPadding = configuration.getConvolutionMode() == ConvolutionMode.Same
                || Arrays.stream(configuration.getPadding()).allMatch(pad -> pad == 0);
        return kernel[0] == kernel[1]
                && Arrays.equals(kernel, configuration.getStride())
                && Arrays.stream(configuration.getDilation()).allMatch(step -> step == 1)
                && zeroPadding
                && configuration.getCnn2dDataFormat() == CNN2DFormat.NCHW
                && configuration.hasBias()
                && configuration.getIDropout() == null
                && configuration.getWeightNoise() == null;
    }

    /** Copies the input's pixels into rows X [n*h*w, in], channels last. */
    private static INDArray rows(INDArray images) {
        return images.permute(0, 2, 3, 1).dup('c').reshape('c', images.size(0) * images.size(2) * images.size(3),
                images.size(1));
    }

    /** Computes the pre-activation [n, out, h*k, w*k] from the pixel rows, in a workspace of the given type. */
    private INDArray blocks(INDArray pixelRows, boolean training, LayerWorkspaceMgr workspaces, ArrayType arrayType) {
        INDArray weights = getParamWithNoise(DeconvolutionParamInitializer.WEIGHT_KEY, training, workspaces);
        INDArray bias = getParamWithNoise(DeconvolutionParamInitializer.BIAS_KEY, training, workspaces);
        long batch = input.size(0);
        long rows = input.size(2);
        long columns = input.size(3);
        long outChannels = weights.size(1);
        int kernel = (int) weights.size(2);

        long blockSize = outChannels * kernel * kernel;
        INDArray products = Nd4j.createUninitialized(dataType, new long[] {pixelRows.size(0), blockSize}, 'f');
        Nd4j.gemm(pixelRows, weights.reshape('c', weights.size(0), blockSize), products, false, false, 1.0, 0.0);
        INDArray output = workspaces.createUninitialized(arrayType, dataType,
                new long[] {batch, outChannels, rows * kernel, columns * kernel}, 'c');
        // products in 'f' order is [out, k, k, n, h, w] in 'c' order.
        // NOTE: ND4J runs this 6-D reorder as a generic strided loop (3.2 ms for 0.8M values on 2 cores, three times
        // the matrix product), and the reorders still make this layer 5 to 9 times slower than PyTorch's.
        output.reshape('c', batch, outChannels, rows, kernel, columns, kernel)
                .assign(products.transpose().reshape('c', outChannels, kernel, kernel, batch, rows, columns)
                        .permute(3, 0, 4, 1, 5, 2));
        Nd4j.getExecutioner().exec(new BroadcastAddOp(output, bias.reshape(outChannels), output, 1));
        return output;
    }
}
