package dev.descent.worker.model.layer;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer that {@link NarrowConvolution} instantiates.
 *
 * <p>For a stride-1 convolution {@code y[n, o, p] = b[o] + sum over c, i, j of W[o, c, i, j] * x[n, c, p + (i, j) - r]}
 * with kernel side {@code k = 2r + 1} and output gradient {@code d}:
 * <ul>
 *   <li>the input gradient is {@code sum over o, a, b of V[c, o, a, b] * d[n, o, p + (a, b) - r]}, a forward
 *       convolution of {@code d} with {@code V[c, o, a, b] = W[o, c, k-1-a, k-1-b]};</li>
 *   <li>the weight gradient {@code dW[o, c, i, j] = sum over n, q of x[n, c, q] * d[n, o, q - (i, j) + r]}, which
 *       reads the patches of {@code d} (im2col) at offset {@code (k-1-i, k-1-j)}.</li>
 * </ul>
 *
 * <p>Not thread-safe, like every DL4J layer.
 */
public class NarrowConvolutionLayer extends ConvolutionLayer {

    /** The maximum number of output channels for which the output gradient's patches stay small. */
    static final int MAX_OUTPUT_CHANNELS = 4;

    /**
     * Creates the layer. DL4J calls this through {@link NarrowConvolution#instantiate}.
     *
     * @param configuration the layer's configuration
     * @param dataType the network's data type
     */
    public NarrowConvolutionLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (!narrow()) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        INDArray images = input.castTo(dataType);
        INDArray weights = getParamWithNoise(ConvolutionParamInitializer.WEIGHT_KEY, true, workspaces);
        long batch = images.size(0);
        long inChannels = images.size(1);
        long pixels = images.size(2) * images.size(3);
        long outChannels = weights.size(0);
        int kernel = (int) weights.size(2);
        int radius = kernel / 2;

        // Step 1: the gradient at the pre-activation.
        INDArray preActivation = preOutput4d(true, true, workspaces).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(preActivation, epsilon).getFirst();

        // Step 2: the input gradient, a forward convolution of delta with the transposed, flipped kernel.
        INDArray flipped = Nd4j.create(swapAndFlip(weights.dup('c'), outChannels, inChannels, kernel),
                new long[] {inChannels, outChannels, kernel, kernel}, 'c').castTo(dataType);
        INDArray inputGradient = workspaces.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, images.shape(),
                'c');
        Conv2DConfig same = Conv2DConfig.builder().kH(kernel).kW(kernel).sH(1).sW(1).pH(radius).pW(radius)
                .dH(1).dW(1).paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX).build();
        Nd4j.exec(new Conv2D(delta, flipped, null, inputGradient, same));

        // Step 3: weight gradient from the patches of delta, [batch, out, k, k, rows, columns].
        INDArray patches = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {batch, outChannels, kernel, kernel, images.size(2), images.size(3)}, 'c');
        Convolution.im2col(delta, kernel, kernel, 1, 1, radius, radius, 1, 1, true, patches);
        INDArray perImage = Nd4j.matmul(images.reshape('c', batch, inChannels, pixels),
                patches.reshape('c', batch, outChannels * kernel * kernel, pixels), null, false, true, false);
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGradient.assign(Nd4j.create(swapAndFlip(perImage.sum(0).dup('c'), inChannels, outChannels, kernel),
                weightGradient.shape(), 'c').castTo(dataType));

        Gradient gradient = LayerWiring.convolutionGradient(delta, weightGradient,
                gradientViews.get(ConvolutionParamInitializer.BIAS_KEY), hasBias());
        weightNoiseParams.clear();
        return new Pair<>(gradient, inputGradient);
    }

    /** Returns whether the configuration is one that the backward pass above computes. */
    private boolean narrow() {
        org.deeplearning4j.nn.conf.layers.ConvolutionLayer configuration = layerConf();
        int[] kernel = configuration.getKernelSize();
        return configuration.getNOut() <= MAX_OUTPUT_CHANNELS
                && kernel[0] == kernel[1]
                && kernel[0] % 2 == 1
                && Arrays.stream(configuration.getStride()).allMatch(step -> step == 1)
                && Arrays.stream(configuration.getDilation()).allMatch(step -> step == 1)
                && convolutionMode == ConvolutionMode.Same
                && configuration.getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    /**
     * Returns {@code T[j, i, a, b] = S[i, j, k-1-a, k-1-b]} for {@code S [first, second, k, k]}: the first two axes
     * swapped and both kernel axes reversed. It turns the weights {@code W[o, c]} into the input gradient's kernel
     * {@code V[c, o]}, and the summed patch products {@code S[c, o]} into the weight gradient {@code dW[o, c]}.
     */
    private static float[] swapAndFlip(INDArray source, long first, long second, int kernel) {
        float[] values = source.castTo(DataType.FLOAT).data().asFloat();
        float[] swapped = new float[values.length];
        for (long i = 0; i < first; i++) {
            for (long j = 0; j < second; j++) {
                for (int a = 0; a < kernel; a++) {
                    for (int b = 0; b < kernel; b++) {
                        long from = ((i * second + j) * kernel + (kernel - 1 - a)) * kernel + (kernel - 1 - b);
                        long to = ((j * first + i) * kernel + a) * kernel + b;
                        swapped[(int) to] = values[(int) from];
                    }
                }
            }
        }
        return swapped;
    }
}
