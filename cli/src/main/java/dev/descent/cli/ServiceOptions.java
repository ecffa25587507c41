package dev.descent.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.descent.cli.client.DescentClient;
import dev.descent.cli.stack.StackFile;
import picocli.CommandLine.Option;

/** The options that every service command shares: the service URLs, the stack folder and the output format. */
final class ServiceOptions {

    /** Environment variable with the orchestrator's bearer token, sent with every request when set. */
    static final String TOKEN_VARIABLE = "DESCENT_API_TOKEN";

    @Option(names = "--orchestrator", paramLabel = "URL",
            description = "The orchestrator's base URL (default: from <home>/stack.json, else http://127.0.0.1:8081).")
    String orchestratorUrl;

    @Option(names = "--registry", paramLabel = "URL",
            description = "The registry's base URL (default: from <home>/stack.json, else http://127.0.0.1:8082).")
    String registryUrl;

    @Option(names = "--home", defaultValue = ".descent", paramLabel = "DIR",
            description = "The local stack's folder, whose stack.json names the service URLs (default: "
                    + "${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--json", description = "Print the services' JSON instead of text, for scripts.")
    boolean json;

    /** Returns a client for the configured URLs, reading {@code <home>/stack.json} for any URL not given. */
    DescentClient client() {
        Optional<StackFile> stack = StackFile.read(home);
        String orchestrator = orchestratorUrl != null ? orchestratorUrl
                : stack.map(StackFile::orchestratorUrl).orElse("http://127.0.0.1:8081");
        String registry = registryUrl != null ? registryUrl
                : stack.map(StackFile::registryUrl).orElse("http://127.0.0.1:8082");
        return new DescentClient(trimSlash(orchestrator), trimSlash(registry), System.getenv(TOKEN_VARIABLE));
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
