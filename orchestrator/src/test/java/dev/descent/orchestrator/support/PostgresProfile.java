package dev.descent.orchestrator.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The orchestrator on the local PostgreSQL, selected by the {@code postgres} config profile as in production. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,postgres";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class, Map.of(), true),
                new TestResourceEntry(PostgresSchemaResource.class, Map.of(), true));
    }

    /** One attempt per trial, so that a FAILED event stays FAILED; ReliabilityContract covers retries. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("descent.orchestrator.max-attempts", "1");
    }
}
