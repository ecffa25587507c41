package dev.descent.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The working folder of one benchmark run, emptied at the start so that no state of an earlier run is reused. */
final class BenchHome {

    private BenchHome() {
    }

    /** Deletes {@code root} and everything under it; does nothing when it does not exist. */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
