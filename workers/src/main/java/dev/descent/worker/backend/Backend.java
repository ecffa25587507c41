package dev.descent.worker.backend;

import java.util.Properties;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets up ND4J's CPU backend with DL4J's oneDNN layer helpers and describes the backend for trial results; with
 * the CUDA build (Maven profile {@code gpu}) it describes the CUDA version and device instead.
 *
 * <p>DL4J 1.0.0-M2.1 creates layer helpers only when the system property {@value #HELPERS_DISABLED} is
 * {@code false} (its default is {@code true}) and when its reflective oneDNN check succeeds, which needs the
 * {@code org.nd4j.nativeblas.Nd4jCpu} class in this module. With both, a 3x3 convolution runs several times faster.
 */
public final class Backend {

    /** The system property that DL4J reads each time it creates a layer helper. */
    public static final String HELPERS_DISABLED = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    private static volatile String description;

    private Backend() {
    }

    /**
     * Enables the oneDNN helpers unless the user set {@value #HELPERS_DISABLED} explicitly, and returns the backend
     * description. Call it before building any network; later calls return the cached description.
     */
    public static synchronized String initialise() {
        if (description != null) {
            return description;
        }
        if (System.getProperty(HELPERS_DISABLED) == null) {
            System.setProperty(HELPERS_DISABLED, "false");
        }
        Properties environment = Nd4j.getExecutioner().getEnvironmentInformation();
        boolean cuda = "CUDA".equalsIgnoreCase(String.valueOf(environment.get("backend")));
        boolean helpersOn = !cuda && helpersEnabled();
        description = BackendDescription.describe(environment, BackendDescription.cudaVersion(), helpersOn);
        if (helpersOn || cuda) {
            LOG.info("ND4J backend: {}", description);
        }
        else {
            LOG.warn("ND4J backend: {}; convolutions will run several times slower. Check that the"
                    + " nd4j-native linux-x86_64-onednn jar is on the class path and that {} is not true",
                    description, HELPERS_DISABLED);
        }
        return description;
    }

    /** Returns whether DL4J would create oneDNN helpers for new layers now. */
    public static boolean helpersEnabled() {
        return !Boolean.parseBoolean(System.getProperty(HELPERS_DISABLED, "true"))
                && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** Returns whether every convolution layer of an initialised network got a oneDNN helper. */
    public static boolean convolutionHelpersAttached(MultiLayerNetwork network) {
        boolean any = false;
        for (Layer layer : network.getLayers()) {
            if (layer instanceof ConvolutionLayer convolution) {
                if (convolution.getHelper() == null) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
