package dev.descent.model.message;

/** Kafka topic names shared by the orchestrator, the workers and the registry. */
public final class Topics {

    /** Trial specs from the orchestrator to the workers, keyed by trial id. */
    public static final String TRIALS = "descent.trials";

    /** Trial lifecycle and progress events from the workers to the orchestrator, keyed by trial id. */
    public static final String TRIAL_EVENTS = "descent.trial-events";

    /** Finished trial results from the workers to the registry and the orchestrator, keyed by trial id. */
    public static final String RESULTS = "descent.results";

    /**
     * Links from the orchestrator to the registry, keyed by trial id: an experiment reuses a stored result instead
     * of running the trial again. Values are {@link ResultLink} JSON.
     */
    public static final String RESULT_LINKS = "descent.result-links";

    /**
     * Records that a consumer could not parse or validate, copied unchanged with the reason and their origin in the
     * headers named in {@link DeadLetterHeaders}.
     */
    public static final String DEAD_LETTER = "descent.dead-letter";

    /**
     * Compacted control topic, keyed by experiment id: a record with value {@code cancelled} makes every worker
     * skip the experiment's queued trials and stop its running ones. Workers read it from the start.
     */
    public static final String CONTROL = "descent.control";

    /**
     * Compacted topic, keyed by worker id: each worker announces its {@link WorkerCatalog} (plug-in names, versions and
     * parameter schemas) when it starts and again at a fixed interval, and a {@code null} value when it stops.
     */
    public static final String WORKER_CATALOGS = "descent.worker-catalogs";

    /** The value of a {@link #CONTROL} record that cancels the experiment named in its key. */
    public static final String CONTROL_CANCELLED = "cancelled";

    /** Partitions of the trials topic: the most workers that can train at once in one consumer group. */
    public static final int TRIAL_PARTITIONS = 24;

    /** The consumer group that all workers join. */
    public static final String WORKER_GROUP = "descent-workers";

    private Topics() {
    }
}
