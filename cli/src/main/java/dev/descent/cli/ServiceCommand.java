package dev.descent.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.descent.cli.client.ApiException;
import dev.descent.cli.client.DescentClient;
import dev.descent.model.message.Json;
import picocli.CommandLine.Mixin;

/**
 * A command that talks to the running services. It maps failures to exit codes: 1 when a service rejects the request
 * or cannot be reached, so scripts can tell those from picocli's 2 for invalid arguments.
 */
abstract class ServiceCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Mixin
    ServiceOptions options;

    PrintStream out = System.out;
    PrintStream err = System.err;

    /** Runs the command against the services and returns its exit code. */
    abstract int run(DescentClient client) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(options.client());
        }
        catch (ApiException e) {
            err.println("descent: " + e.getMessage());
            return FAILED;
        }
        catch (IllegalStateException | UncheckedIOException e) {
            err.println("descent: " + e.getMessage());
            return FAILED;
        }
    }

    /** Prints the JSON indented, for {@code --json}. */
    void printJson(JsonNode json) {
        try {
            out.println(Json.messages().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the response as JSON", e);
        }
    }
}
