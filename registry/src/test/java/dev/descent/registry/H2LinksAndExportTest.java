package dev.descent.registry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Runs the links, export and report contract against H2. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class H2LinksAndExportTest extends LinksAndExportContractTest {
}
