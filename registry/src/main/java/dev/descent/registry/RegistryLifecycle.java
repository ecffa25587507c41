package dev.descent.registry;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.registry.store.ActiveDataSource;
import dev.descent.registry.store.ResultStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Logs the registry's start and stop, fills the columns that older rows lack, and fails the start when no single
 * datasource is active.
 */
@ApplicationScoped
public class RegistryLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLifecycle.class);

    private final ActiveDataSource dataSource;
    private final ResultStore store;
    private final String bootstrapServers;

    @Inject
    RegistryLifecycle(ActiveDataSource dataSource, ResultStore store,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.store = store;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        String jdbcUrl = dataSource.get().getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().jdbcUrl();
        int backfilled = store.backfillConfigurations();
        if (backfilled > 0) {
            LOG.info("Filled the configuration id and training images of {} results stored before they were "
                    + "recorded", backfilled);
        }
        LOG.info("Registry started: storing results in {}, consuming from Kafka at {}", jdbcUrl, bootstrapServers);
    }

    void onStop(@Observes ShutdownEvent event) {
        LOG.info("Registry stopping");
    }
}
