package dev.descent.registry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs the registry contract against the local PostgreSQL under the {@code postgres} profile. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@WithTestResource(BrokerResource.class)
class PostgresRegistryTest extends RegistryContractTest {

    @Override
    String expectedJdbcUrlPrefix() {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=registry_test_";
    }
}
