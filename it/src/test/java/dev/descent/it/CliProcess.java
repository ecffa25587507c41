package dev.descent.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.descent.cli.stack.Layout;

/** Runs the packaged {@code descent} CLI ({@code cli/target/descent-cli.jar}) as a child JVM, as a user would. */
final class CliProcess {

    /**
     * The outcome of one run.
     *
     * @param exitCode the process's exit status
     * @param out what it printed on stdout
     * @param err what it printed on stderr
     */
    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private CliProcess() {
    }

    /** Runs {@code descent ARGS}, waiting at most {@code timeout}; the process is killed when it takes longer. */
    static Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        Layout layout = Layout.locate();
        Path jar = layout.root().resolve("cli/target/descent-cli.jar");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + Layout.ROOT_PROPERTY + "=" + layout.root(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("descent-cli-out-", ".txt");
        Path err = Files.createTempFile("descent-cli-err-", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("descent " + String.join(" ", args) + " did not finish within " + timeout
                        + "; stdout so far:\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
