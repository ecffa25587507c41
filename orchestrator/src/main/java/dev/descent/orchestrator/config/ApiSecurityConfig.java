package dev.descent.orchestrator.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bearer-token protection of the REST API, under {@code descent.api}. */
@ConfigMapping(prefix = "descent.api")
public interface ApiSecurityConfig {

    /**
     * The token that submitting and cancelling require as {@code Authorization: Bearer <token>}; when unset, the API
     * needs no token. Set it with the {@code DESCENT_API_TOKEN} environment variable rather than in a file.
     */
    Optional<String> token();

    /** Whether reads (GET) need the token too; they are open by default. */
    @WithDefault("false")
    boolean readRequiresToken();
}
