package dev.descent.orchestrator;

import dev.descent.orchestrator.support.H2ReliabilityProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Retries, cancellation, dead letters, tokens and the bad-input corpus on H2 with a real Kafka broker. */
@QuarkusTest
@TestProfile(H2ReliabilityProfile.class)
class H2ReliabilityTest extends ReliabilityContract {
}
