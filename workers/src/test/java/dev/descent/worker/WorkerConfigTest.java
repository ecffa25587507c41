package dev.descent.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class WorkerConfigTest {

    @Test
    void defaultsWithoutSettings() {
        WorkerConfig config = WorkerConfig.from(name -> null, Map.of());

        assertEquals(WorkerConfig.DEFAULT_BOOTSTRAP, config.bootstrapServers());
        assertEquals(30, config.catalogIntervalSeconds());
        assertEquals(Optional.empty(), config.pluginsDir());
        assertTrue(config.workerId().endsWith("-" + ProcessHandle.current().pid()), config.workerId());
    }

    @Test
    void environmentSetsCatalogSettings() {
        WorkerConfig config = WorkerConfig.from(name -> null, Map.of(
                "DESCENT_WORKER_CATALOG_INTERVAL_SECONDS", "5",
                "DESCENT_WORKER_PLUGINS_DIR", "/opt/descent/plugins",
                "DESCENT_WORKER_ID", "worker-7"));

        assertEquals(5, config.catalogIntervalSeconds());
        assertEquals(Optional.of(Path.of("/opt/descent/plugins")), config.pluginsDir());
        assertEquals("worker-7", config.workerId());
    }

    @Test
    void propertyOverridesEnvironment() {
        Map<String, String> properties = Map.of(
                "descent.worker.catalog-interval-seconds", "12",
                "descent.worker.plugins-dir", "/srv/plugins");
        WorkerConfig config = WorkerConfig.from(properties::get, Map.of(
                "DESCENT_WORKER_CATALOG_INTERVAL_SECONDS", "5",
                "DESCENT_WORKER_PLUGINS_DIR", "/opt/descent/plugins"));

        assertEquals(12, config.catalogIntervalSeconds());
        assertEquals(Optional.of(Path.of("/srv/plugins")), config.pluginsDir());
    }

    @Test
    void invalidCatalogIntervalRejected() {
        for (String value : new String[] {"0", "-3", "3601", "ten", "1.5"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WorkerConfig.from(
                    name -> null, Map.of("DESCENT_WORKER_CATALOG_INTERVAL_SECONDS", value)), value);
            assertTrue(error.getMessage().contains("'" + value + "'"), error.getMessage());
            assertTrue(error.getMessage().contains("from 1 to 3600"), error.getMessage());
        }
    }
}
