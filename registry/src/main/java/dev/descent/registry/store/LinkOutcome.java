package dev.descent.registry.store;

/** The effect of {@link LinkStore#store} on the database for one delivered result link. */
public enum LinkOutcome {

    /** The experiment had no link to the trial yet, and one was inserted. */
    LINKED,

    /** The link already existed: a redelivery, nothing changed. */
    DUPLICATE
}
