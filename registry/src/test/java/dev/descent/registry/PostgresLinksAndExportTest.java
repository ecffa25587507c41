package dev.descent.registry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs the links, export and report contract against the local PostgreSQL under the {@code postgres} profile. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@WithTestResource(BrokerResource.class)
class PostgresLinksAndExportTest extends LinksAndExportContractTest {
}
