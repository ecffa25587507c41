package dev.descent.bench.profile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;

/** Short descriptions of DL4J layers for the profile table: type, settings, helper and output shape. */
final class LayerDescriptions {

    private LayerDescriptions() {
    }

    /** Returns the configuration class name, such as {@code ConvolutionLayer} or {@code CnnLossLayer}. */
    static String type(Layer layer) {
        return layer.conf().getLayer().getClass().getSimpleName();
    }

    /** Returns the layer's settings, such as {@code 3x3/1 -> 32 relu} for a convolution. */
    static String detail(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
        if (conf instanceof ConvolutionLayer convolution) {
            return String.format(Locale.ROOT, "%dx%d/%d -> %d %s", convolution.getKernelSize()[0],
                    convolution.getKernelSize()[1], convolution.getStride()[0], convolution.getNOut(),
                    convolution.getActivationFn());
        }
        if (conf instanceof SubsamplingLayer pooling) {
            return String.format(Locale.ROOT, "%s %dx%d/%d", pooling.getPoolingType().name().toLowerCase(Locale.ROOT),
                    pooling.getKernelSize()[0], pooling.getKernelSize()[1], pooling.getStride()[0]);
        }
        if (conf instanceof Upsampling2D upsampling) {
            return "x" + upsampling.getSize()[0];
        }
        if (conf instanceof CnnLossLayer loss) {
            return loss.getActivationFn() + " + " + loss.getLossFn();
        }
        if (conf instanceof OutputLayer output) {
            return String.format(Locale.ROOT, "flatten, dense -> %d %s + %s", output.getNOut(),
                    output.getActivationFn(), output.getLossFn());
        }
        return conf instanceof BaseLayer base ? String.valueOf(base.getActivationFn()) : "";
    }

    /** Returns the helper's class name ({@code MKLDNNConvHelper}) or {@code -} when the layer has none. */
    static String helper(Layer layer) {
        return layer.getHelper() == null ? "-" : layer.getHelper().getClass().getSimpleName();
    }

    /** Formats a shape as {@code 128x32x28x28}. */
    static String shape(long[] shape) {
        return shape == null ? "?" : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }
}
