package dev.descent.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A Quarkus service's configuration as it would resolve inside a container: the service's
 * {@code application.properties} under the profiles in {@code QUARKUS_PROFILE}, overridden by the container's
 * environment with SmallRye Config's environment-variable name mapping (for example {@code DESCENT_POSTGRES_URL}
 * for {@code descent.postgres.url}).
 */
final class ServiceConfig {

    /**
     * Quarkus runtime properties that the manifests set although no application.properties names them. Each is a
     * documented Quarkus key: the active profile, and the named datasource's credentials.
     */
    static final Set<String> QUARKUS_KEYS = Set.of(
            "quarkus.profile",
            "kafka.bootstrap.servers",
            "quarkus.datasource.postgres.username",
            "quarkus.datasource.postgres.password");

    private final SmallRyeConfig config;
    private final Set<String> knownKeys;

    private ServiceConfig(SmallRyeConfig config, Set<String> knownKeys) {
        this.config = config;
        this.knownKeys = knownKeys;
    }

    /**
     * Builds the configuration of one service.
     *
     * @param applicationProperties the service's {@code src/main/resources/application.properties}
     * @param environment the container's environment, with secret references replaced by sample values
     */
    static ServiceConfig of(Path applicationProperties, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            properties.load(reader);
        }
        Map<String, String> values = new HashMap<>();
        Set<String> keys = new TreeSet<>(QUARKUS_KEYS);
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        String profile = environment.getOrDefault("QUARKUS_PROFILE", "prod");
        List<String> profiles = Arrays.stream(profile.split(",")).map(String::trim).toList();
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfiles(profiles)
                .withSources(new EnvConfigSource(new LinkedHashMap<>(environment), 300))
                .withSources(new PropertiesConfigSource(values, "application.properties", 250))
                .build();
        return new ServiceConfig(config, keys);
    }

    /** Returns a property's resolved value, expressions expanded. */
    String value(String key) {
        return config.getValue(key, String.class);
    }

    /**
     * Returns the configuration key that an environment variable sets, or null when it sets none: the variable must
     * equal a known key with every character other than a letter or digit replaced by {@code _}, upper-cased.
     */
    String keyFor(String variable) {
        for (String key : knownKeys) {
            if (environmentName(key).equals(variable)) {
                return key;
            }
        }
        return null;
    }

    /** Returns the environment variable name that SmallRye Config maps to a property name. */
    static String environmentName(String key) {
        StringBuilder name = new StringBuilder();
        for (char c : key.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }
}
