package dev.descent.orchestrator;

import dev.descent.orchestrator.support.PostgresProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The REST and Kafka contract on the local PostgreSQL with a real Kafka broker. */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class PostgresExperimentApiTest extends ExperimentApiContract {
}
