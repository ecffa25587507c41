package dev.descent.orchestrator;

import dev.descent.orchestrator.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Successive halving and memoization on the local PostgreSQL with a real Kafka broker. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresSearchTest extends SearchContract {
}
