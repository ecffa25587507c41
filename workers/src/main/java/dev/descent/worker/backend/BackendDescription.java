package dev.descent.worker.backend;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;

/**
 * Describes ND4J's backend and device for trial results, such as {@code CUDA 11.6 (NVIDIA H200)} or
 * {@code CPU (nd4j-native, oneDNN helpers on)}.
 */
public final class BackendDescription {

    /** The class that ND4J's CUDA backend jar ({@code nd4j-cuda-<version>}) contains. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static final Pattern CUDA_JAR = Pattern.compile("nd4j-cuda-(\\d+\\.\\d+)");

    private BackendDescription() {
    }

    /**
     * Describes a backend from ND4J's environment information.
     *
     * @param environment {@code Nd4j.getExecutioner().getEnvironmentInformation()}
     * @param cudaVersion the CUDA version of the nd4j-cuda jar, or null when unknown
     * @param helpersOn whether DL4J's oneDNN layer helpers are on; used for the CPU backend only
     */
    static String describe(Properties environment, String cudaVersion, boolean helpersOn) {
        String backend = String.valueOf(environment.getOrDefault(Nd4jEnvironment.BACKEND_KEY, "unknown"));
        if (!backend.equalsIgnoreCase("CUDA")) {
            return backend + " (nd4j-native, oneDNN helpers " + (helpersOn ? "on" : "off") + ")";
        }
        // NOTE: the CUDA branch has not run on a GPU. A device list of another shape yields "unknown device".
        List<String> devices = new ArrayList<>();
        if (environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY) instanceof List<?> list) {
            for (Object device : list) {
                if (device instanceof Map<?, ?> properties
                        && properties.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY) != null) {
                    devices.add(String.valueOf(properties.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY)).trim());
                }
            }
        }
        String device = devices.isEmpty() ? "unknown device" : devices.get(0)
                + (devices.size() > 1 ? ", " + devices.size() + " devices visible" : "");
        return "CUDA" + (cudaVersion == null ? "" : " " + cudaVersion) + " (" + device + ")";
    }

    /** Returns the CUDA version in the name of the nd4j-cuda jar on the class path, or null without one. */
    static String cudaVersion() {
        try {
            Class<?> backend = Class.forName(CUDA_BACKEND_CLASS, false, BackendDescription.class.getClassLoader());
            CodeSource source = backend.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null) {
                return null;
            }
            Matcher version = CUDA_JAR.matcher(location.getPath());
            return version.find() ? version.group(1) : null;
        }
        catch (ClassNotFoundException | SecurityException e) {
            return null;
        }
    }
}
