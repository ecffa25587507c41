package dev.descent.orchestrator.store;

import javax.sql.DataSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Hands out the active datasource: {@code h2} by default, {@code postgres} under the {@code postgres} profile.
 *
 * <p>Both datasources are built into the artifact because Quarkus fixes {@code db-kind} at build time, and their
 * {@code active} flags pick one at startup. Exactly one must be active.
 */
@ApplicationScoped
public class ActiveDataSource {

    private static final Logger LOG = Logger.getLogger(ActiveDataSource.class);

    @Inject
    @io.quarkus.agroal.DataSource("h2")
    InjectableInstance<AgroalDataSource> h2;

    @Inject
    @io.quarkus.agroal.DataSource("postgres")
    InjectableInstance<AgroalDataSource> postgres;

    private volatile DataSource active;
    private volatile String activeName;

    void onStart(@Observes StartupEvent event) {
        get();
        LOG.infof("Orchestrator stores experiments in the %s datasource", activeName);
    }

    /**
     * Returns the active datasource.
     *
     * @throws IllegalStateException when neither or both datasources are active
     */
    public DataSource get() {
        DataSource current = active;
        if (current != null) {
            return current;
        }
        boolean h2Active = h2.getHandle().getBean().isActive();
        boolean postgresActive = postgres.getHandle().getBean().isActive();
        if (h2Active == postgresActive) {
            throw new IllegalStateException("exactly one of the datasources h2 and postgres must be active, but "
                    + (h2Active ? "both are" : "neither is")
                    + "; set quarkus.datasource.<name>.active, or run with -Dquarkus.profile=prod,postgres");
        }
        activeName = h2Active ? "h2" : "postgres";
        active = h2Active ? h2.get() : postgres.get();
        return active;
    }
}
