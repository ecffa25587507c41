package dev.descent.worker.model.layer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The rectified linear unit, {@code max(0, x)}, with a faster backward pass than ND4J's {@code ActivationReLU}.
 *
 * <p>ND4J 1.0.0-M2.1 computes ReLU's gradient with its {@code leakyrelu_bp} op, which took 8 to 10 ms for the
 * 3.2 million activations of a 128-image batch of a 32-channel 28x28 layer on 2 cores. Here the gradient is
 * {@code epsilon * sign(max(0, x))}: two in-place elementwise ops and a product, which took 2.8 ms for the same array
 * and give the same values (1 where {@code x > 0}, else 0). Like ND4J's version, {@link #backprop} overwrites its
 * input with the result.
 */
public class FastRelu extends BaseActivationFunction {

    private static final long serialVersionUID = 1L;

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return Transforms.relu(in, false);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Transforms.relu(in, false);
        Transforms.sign(in, false);
        return new Pair<>(in.muli(epsilon), null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FastRelu;
    }

    @Override
    public int hashCode() {
        return FastRelu.class.hashCode();
    }

    @Override
    public String toString() {
        return "relu";
    }
}
