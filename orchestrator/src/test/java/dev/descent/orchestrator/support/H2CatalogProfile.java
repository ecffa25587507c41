package dev.descent.orchestrator.support;

/**
 * {@link H2Profile} under another name, so that the worker-catalog tests get their own orchestrator and broker: the
 * catalogs they announce then never reach the other test classes.
 */
public class H2CatalogProfile extends H2Profile {
}
