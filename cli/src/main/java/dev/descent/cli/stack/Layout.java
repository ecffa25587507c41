package dev.descent.cli.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The locations of the built artifacts in a Descent checkout.
 *
 * @param root the checkout's root folder, which contains the root {@code pom.xml}
 */
public record Layout(Path root) {

    /** System property naming the checkout root; the {@code descent} script sets it. */
    public static final String ROOT_PROPERTY = "descent.root";

    /** Returns the layout of the checkout named by {@value #ROOT_PROPERTY}, or the one around the working folder. */
    public static Layout locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null) {
            return new Layout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("orchestrator")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new Layout(dir);
            }
        }
        throw new IllegalStateException("cannot find the Descent checkout from " + Path.of("").toAbsolutePath()
                + "; run from inside it or pass -D" + ROOT_PROPERTY + "=<checkout>");
    }

    public Path kafkaLib() {
        return root.resolve("broker/target/kafka-lib");
    }

    public Path orchestratorJar() {
        return root.resolve("orchestrator/target/quarkus-app/quarkus-run.jar");
    }

    public Path registryJar() {
        return root.resolve("registry/target/quarkus-app/quarkus-run.jar");
    }

    public Path workerJar() {
        return root.resolve("workers/target/descent-workers-0.1.0-SNAPSHOT.jar");
    }

    /** Returns the artifacts that are missing, so a caller can say exactly what to build. */
    public List<Path> missingArtifacts() {
        List<Path> missing = new ArrayList<>();
        for (Path path : List.of(kafkaLib(), orchestratorJar(), registryJar(), workerJar())) {
            if (!Files.exists(path)) {
                missing.add(path);
            }
        }
        return missing;
    }
}
