package dev.descent.orchestrator.support;

import java.util.Map;

/** {@link H2Profile} with a token, short heartbeat and retry timings and a temporary data root. */
public class H2ReliabilityProfile extends H2Profile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return ReliabilitySettings.overrides();
    }
}
