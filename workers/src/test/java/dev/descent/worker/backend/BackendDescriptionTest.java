package dev.descent.worker.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

/** Backend descriptions for the CPU build on this machine and for CUDA environment information. */
class BackendDescriptionTest {

    @Test
    void cpuBuildDescribesNativeBackend() {
        String description = Backend.initialise();
        assertEquals("CPU (nd4j-native, oneDNN helpers " + (Backend.helpersEnabled() ? "on" : "off") + ")",
                description);
        assertEquals("CPU", Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
        assertNull(BackendDescription.cudaVersion(), "the CPU build has no nd4j-cuda jar");
    }

    @Test
    void cudaEnvironmentNamesVersionAndDevice() {
        // The keys are Nd4jEnvironment's constants. The value types (a list with one map per device) are read from
        // ND4J's CUDA executioner source, not observed on a GPU.
        Properties environment = new Properties();
        environment.put(Nd4jEnvironment.BACKEND_KEY, "CUDA");
        environment.put(Nd4jEnvironment.CUDA_NUM_GPUS_KEY, 1);
        environment.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(Map.of(
                Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200", Nd4jEnvironment.CUDA_TOTAL_MEMORY_KEY, 1L)));
        assertEquals("CUDA 11.6 (NVIDIA H200)", BackendDescription.describe(environment, "11.6", false));

        environment.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA A100"),
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA A100")));
        assertEquals("CUDA 11.6 (NVIDIA A100, 2 devices visible)",
                BackendDescription.describe(environment, "11.6", false));

        environment.remove(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
        assertEquals("CUDA (unknown device)", BackendDescription.describe(environment, null, false));
    }
}
