package dev.descent.registry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Runs the registry contract against the file-based H2 database of the default profile. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class H2RegistryTest extends RegistryContractTest {

    @Override
    String expectedJdbcUrlPrefix() {
        return "jdbc:h2:file:";
    }
}
