package dev.descent.orchestrator;

import dev.descent.orchestrator.support.H2Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Successive halving and memoization on H2 with a real Kafka broker. */
@QuarkusTest
@TestProfile(H2Profile.class)
class H2SearchTest extends SearchContract {
}
