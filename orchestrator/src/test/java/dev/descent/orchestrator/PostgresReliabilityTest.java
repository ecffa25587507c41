package dev.descent.orchestrator;

import dev.descent.orchestrator.support.PostgresReliabilityProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Retries, cancellation, dead letters, tokens and the bad-input corpus on the local PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresReliabilityProfile.class)
class PostgresReliabilityTest extends ReliabilityContract {
}
