package dev.descent.orchestrator.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The orchestrator's settings under {@code descent.orchestrator}; defaults match {@code application.properties}. */
@ConfigMapping(prefix = "descent.orchestrator")
public interface OrchestratorConfig {

    /** The largest grid (pretext tasks x losses x seeds) accepted in one experiment. */
    @WithDefault("500")
    int maxTrials();

    /** The largest request body accepted by {@code POST /api/experiments}, such as {@code 256K}. */
    @WithDefault("256K")
    MemorySize maxBodySize();

    /** How long a submission waits for the broker to acknowledge all its trials. */
    @WithDefault("45S")
    Duration publishTimeout();

    /** The maximum number of experiments that {@code GET /api/experiments} returns. */
    @WithDefault("200")
    int listLimit();
}
