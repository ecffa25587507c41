package dev.descent.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the folder of Kafka jars that the broker module's build copies to {@code broker/target/kafka-lib}. */
public final class KafkaLib {

    /** System property that names the folder explicitly. */
    public static final String PROPERTY = "descent.kafka.lib";

    private static final Path RELATIVE = Path.of("broker", "target", "kafka-lib");

    private KafkaLib() {
    }

    /**
     * Returns the folder named by {@value #PROPERTY}, or else the first {@code broker/target/kafka-lib} found in the
     * working directory or one of its parents.
     *
     * @throws IllegalStateException when neither exists, with the build command that creates it
     */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            Path path = Path.of(configured);
            if (!Files.isDirectory(path)) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " is not a folder; "
                        + "build it with './mvnw -pl broker package' or fix the path");
            }
            return path;
        }
        return search(Path.of("").toAbsolutePath()).orElseThrow(() -> new IllegalStateException(
                "Kafka's jars were not found in broker/target/kafka-lib under " + Path.of("").toAbsolutePath()
                        + " or its parents; build them with './mvnw -pl broker package' from the project root"));
    }

    private static Optional<Path> search(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
