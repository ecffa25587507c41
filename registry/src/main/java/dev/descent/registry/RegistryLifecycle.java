package dev.descent.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.registry.store.ActiveDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Logs the registry's start and stop, and fails the start when no single datasource is active. */
@ApplicationScoped
public class RegistryLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryLifecycle.class);

    private final ActiveDataSource dataSource;
    private final String bootstrapServers;

    @Inject
    RegistryLifecycle(ActiveDataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent event) {
        String jdbcUrl = dataSource.get().getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration().jdbcUrl();
        LOG.info("Registry started: storing results in {}, consuming from Kafka at {}", jdbcUrl, bootstrapServers);
    }

    void onStop(@Observes ShutdownEvent event) {
        LOG.info("Registry stopping");
    }
}
