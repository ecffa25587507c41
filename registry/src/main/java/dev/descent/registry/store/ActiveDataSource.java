package dev.descent.registry.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;

/**
 * The one active datasource: {@code h2} by default, {@code postgres} under the {@code postgres} profile.
 *
 * <p>Both datasources are built into the artifact because Quarkus fixes {@code db-kind} at build time, and the
 * {@code quarkus.datasource.<name>.active} flags in {@code application.properties} pick one at startup.
 */
@ApplicationScoped
public class ActiveDataSource {

    private final InjectableInstance<AgroalDataSource> dataSources;

    @Inject
    ActiveDataSource(@Any InjectableInstance<AgroalDataSource> dataSources) {
        this.dataSources = dataSources;
    }

    /**
     * Returns the active datasource.
     *
     * @throws jakarta.enterprise.inject.UnsatisfiedResolutionException when no datasource is active
     * @throws jakarta.enterprise.inject.AmbiguousResolutionException when both are active
     */
    public AgroalDataSource get() {
        return dataSources.getActive();
    }
}
