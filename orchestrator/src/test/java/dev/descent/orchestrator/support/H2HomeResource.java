package dev.descent.orchestrator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points {@code descent.home}, and so the H2 database file, at a new temporary folder that is deleted afterwards. */
public class H2HomeResource implements QuarkusTestResourceLifecycleManager {

    private Path home;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("descent-orchestrator-test-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary descent.home", e);
        }
        return Map.of("descent.home", home.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        TempFolders.delete(home);
    }
}
