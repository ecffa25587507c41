package dev.descent.orchestrator.support;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link H2Profile} with the metrics gauges refreshed every 200 ms, so tests see new values quickly, and a heartbeat
 * timeout long enough that no trial is re-queued while a test runs on a slow machine.
 */
public class H2MetricsProfile extends H2Profile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("descent.metrics.refresh-interval", "200ms");
        overrides.put("descent.orchestrator.heartbeat-timeout", "10M");
        return overrides;
    }
}
