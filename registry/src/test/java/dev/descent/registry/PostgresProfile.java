package dev.descent.registry;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the registry with the {@code postgres} profile against a throwaway schema of the local PostgreSQL. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test,postgres";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresSchemaResource.class));
    }
}
