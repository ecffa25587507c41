package org.nd4j.nativeblas;

/**
 * Compatibility class at the name that DeepLearning4j 1.0.0-M2.1 looks up to decide whether its oneDNN layer
 * helpers may run.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and calls {@code getInstance()} and
 * {@code isUseMKLDNN()}. nd4j-native 1.0.0-M2.1 ships that class as
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} with the method {@code isUseONEDNN()}, so the
 * lookup fails, DL4J caches the failure, and every convolution, pooling and batch-normalisation layer falls back to
 * its much slower built-in implementation. This class restores the old name and forwards to the renamed one.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** Forwarder for the native environment flags that DL4J's helper checks read. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** Returns the single instance, as the native class's {@code getInstance()} does. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Returns whether libnd4j was built with oneDNN and uses it. */
        public boolean isUseMKLDNN() {
            return native_().isUseONEDNN();
        }

        /** Turns libnd4j's use of oneDNN on or off. */
        public void setUseMKLDNN(boolean useOneDnn) {
            native_().setUseONEDNN(useOneDnn);
        }

        /** Returns whether libnd4j allows platform helpers such as oneDNN. */
        public boolean helpersAllowed() {
            return native_().helpersAllowed();
        }

        /** Allows or forbids libnd4j's platform helpers. */
        public void allowHelpers(boolean allowed) {
            native_().allowHelpers(allowed);
        }

        private static org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment native_() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance();
        }
    }
}
