package dev.descent.orchestrator.support;

import java.util.Map;

/** {@link PostgresProfile} with a token, short heartbeat and retry timings and a temporary data root. */
public class PostgresReliabilityProfile extends PostgresProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return ReliabilitySettings.overrides();
    }
}
