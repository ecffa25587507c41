package dev.descent.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.descent.model.message.Json;

/**
 * The {@code stack.json} file that {@code descent up} writes into the stack's home folder: which processes it started
 * and where they listen, so that {@code descent down} stops exactly those processes and other commands find the
 * services.
 *
 * @param home the stack's home folder
 * @param orchestratorUrl the orchestrator's base URL
 * @param registryUrl the registry's base URL
 * @param bootstrapServers the Kafka broker's address
 * @param startedAt when {@code descent up} finished starting the stack
 * @param processes the started processes in start order: broker, registry, orchestrator, then the workers
 */
public record StackFile(String home, String orchestratorUrl, String registryUrl, String bootstrapServers,
                        Instant startedAt, List<StackProcess> processes) {

    /** The file name inside the home folder. */
    public static final String NAME = "stack.json";

    private static final ObjectMapper JSON = Json.messages().copy().enable(SerializationFeature.INDENT_OUTPUT);

    /** Returns where the stack file of {@code home} is. */
    public static Path location(Path home) {
        return home.resolve(NAME);
    }

    /**
     * Reads the stack file of {@code home}.
     *
     * @return empty when the file does not exist
     * @throws UncheckedIOException when the file exists but cannot be read or is not a stack file
     */
    public static Optional<StackFile> read(Path home) {
        Path file = location(home);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackFile.class));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (" + e.getMessage() + "); delete it if no "
                    + "stack runs from " + home, e);
        }
    }

    /** Writes this stack file into its home folder, replacing any previous one atomically. */
    public void write() {
        Path folder = Path.of(home);
        Path file = location(folder);
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, NAME, ".tmp");
            JSON.writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes the stack file of {@code home} if it exists. */
    public static void delete(Path home) {
        try {
            Files.deleteIfExists(location(home));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + location(home), e);
        }
    }

    /**
     * One process that {@code descent up} started.
     *
     * @param name {@code broker}, {@code registry}, {@code orchestrator} or {@code worker-N}
     * @param pid the operating system's process id
     * @param port the HTTP or Kafka port it listens on; 0 for workers
     * @param marker a string that the process's command line contains, such as its jar path, so that {@code down}
     *        never signals an unrelated process that reused the pid
     * @param log the process's log file, or for the broker its data folder, which contains its logs
     */
    public record StackProcess(String name, long pid, int port, String marker, String log) {
    }
}
