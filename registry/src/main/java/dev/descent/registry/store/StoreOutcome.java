package dev.descent.registry.store;

/** The effect of {@link ResultStore#store} on the database for one delivered result. */
public enum StoreOutcome {

    /** The trial had no result yet: the result and its experiment link were inserted. */
    STORED,

    /** The trial already had a result, so only a new link to this delivery's experiment was inserted. */
    LINKED,

    /** The trial already had a result and a link to this experiment: a redelivery, nothing changed. */
    DUPLICATE
}
