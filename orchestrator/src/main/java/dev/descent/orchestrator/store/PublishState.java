package dev.descent.orchestrator.store;

/** How far the orchestrator got with sending an experiment's trials to the workers. */
public enum PublishState {

    /** The experiment is stored and its trials are being sent. */
    PUBLISHING,

    /** The broker acknowledged every trial. */
    PUBLISHED,

    /** At least one trial was not acknowledged; the workers may have received some of the trials or none. */
    PUBLISH_FAILED
}
