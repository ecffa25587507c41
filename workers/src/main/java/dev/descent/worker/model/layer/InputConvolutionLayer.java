package dev.descent.worker.model.layer;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The layer that {@link InputConvolution} instantiates. The forward pass is DL4J's, with its oneDNN helper. The
 * backward pass computes the weight gradient as one batched matrix product of the output gradient with the input's
 * patches (im2col), the bias gradient as a sum, and returns no input gradient.
 *
 * <p>Not thread-safe, like every DL4J layer.
 */
public class InputConvolutionLayer extends ConvolutionLayer {

    /**
     * Creates the layer. DL4J calls this through {@link InputConvolution#instantiate}.
     *
     * @param configuration the layer's configuration
     * @param dataType the network's data type
     */
    public InputConvolutionLayer(NeuralNetConfiguration configuration, DataType dataType) {
        super(configuration, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaces) {
        if (layerConf().getCnn2dDataFormat() != CNN2DFormat.NCHW) {
            return super.backpropGradient(epsilon, workspaces);
        }
        assertInputSet(true);
        INDArray images = input.castTo(dataType);
        int[] kernel = layerConf().getKernelSize();
        int[] strides = layerConf().getStride();
        int[] dilation = layerConf().getDilation();
        int[] padding = padding(images, kernel, strides, dilation);

        // Step 1: the gradient at the pre-activation, from the cached or recomputed forward pass.
        INDArray preActivation = preOutput4d(true, true, workspaces).getFirst();
        INDArray delta = layerConf().getActivationFn().backprop(preActivation, epsilon).getFirst();
        long batch = delta.size(0);
        long outChannels = delta.size(1);
        long positions = delta.size(2) * delta.size(3);
        long patchSize = images.size(1) * kernel[0] * kernel[1];

        // Step 2: the input's patches, [batch, channels, kernel rows, kernel columns, output rows, output columns].
        INDArray patches = workspaces.createUninitialized(ArrayType.BP_WORKING_MEM, dataType,
                new long[] {batch, images.size(1), kernel[0], kernel[1], delta.size(2), delta.size(3)}, 'c');
        Convolution.im2col(images, kernel[0], kernel[1], strides[0], strides[1], padding[0], padding[1], dilation[0],
                dilation[1], convolutionMode == ConvolutionMode.Same, patches);

        // Step 3: weight gradient = sum over images of delta [out, positions] x patches^T [positions, patch size].
        INDArray perImage = Nd4j.matmul(delta.reshape('c', batch, outChannels, positions),
                patches.reshape('c', batch, patchSize, positions), null, false, true, false);
        INDArray weightGradient = gradientViews.get(ConvolutionParamInitializer.WEIGHT_KEY);
        weightGradient.assign(perImage.sum(0).reshape('c', weightGradient.shape()));

        Gradient gradient = LayerWiring.convolutionGradient(delta, weightGradient,
                gradientViews.get(ConvolutionParamInitializer.BIAS_KEY), hasBias());
        weightNoiseParams.clear();
        return new Pair<>(gradient, null);
    }

    private int[] padding(INDArray images, int[] kernel, int[] strides, int[] dilation) {
        if (convolutionMode != ConvolutionMode.Same) {
            return layerConf().getPadding();
        }
        int[] outSize = ConvolutionUtils.getOutputSize(images, kernel, strides, null, convolutionMode, dilation,
                CNN2DFormat.NCHW);
        return ConvolutionUtils.getSameModeTopLeftPadding(outSize,
                new int[] {(int) images.size(2), (int) images.size(3)}, kernel, strides, dilation);
    }
}
