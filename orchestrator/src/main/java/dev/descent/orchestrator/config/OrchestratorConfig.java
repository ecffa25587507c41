package dev.descent.orchestrator.config;

import java.time.Duration;
import java.util.List;

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

    /** The maximum number of attempts per trial, counting the first; after the last one fails the trial is FAILED. */
    @WithDefault("3")
    int maxAttempts();

    /**
     * How long a RUNNING trial may go without any event from its worker before the reaper re-queues it. Workers send
     * a HEARTBEAT every 3 s, so the default of 30 s tolerates several lost ones.
     */
    @WithDefault("30S")
    Duration heartbeatTimeout();

    /** The wait before retrying a failed attempt; it doubles with each further attempt up to retry-backoff-max. */
    @WithDefault("5S")
    Duration retryBackoff();

    /** The maximum wait before retrying a failed attempt. */
    @WithDefault("2M")
    Duration retryBackoffMax();

    /** How often the reaper looks for silent RUNNING trials and due retries. */
    @WithDefault("5S")
    Duration reaperInterval();

    /**
     * The folders that experiment dataset paths must lie in, after normalisation and after resolving symbolic links.
     */
    @WithDefault("/usr/share/datasets")
    List<String> dataRoots();

    /**
     * Whether every experiment also gets the baseline trials (raw pixels, random encoder, supervised encoder) for
     * each of its seeds, which the registry shows next to the loss rankings.
     */
    @WithDefault("true")
    boolean baselines();

    /**
     * How many announcement intervals a worker's catalog stays live without a new announcement: a catalog is live
     * while {@code now - announcedAt <= intervalSeconds * factor}.
     */
    @WithDefault("3")
    double workerLivenessFactor();
}
