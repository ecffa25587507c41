package dev.descent.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The objects that {@code kubectl kustomize k8s/overlays/<name>} renders, as untyped maps in document order.
 *
 * @param name the overlay's folder name
 * @param objects every rendered object
 */
record RenderedOverlay(String name, List<Map<String, Object>> objects) {

    /**
     * Reads YAML documents. Typed conversion fails on undeclared fields only for plain Jackson classes, because the
     * fabric8 and Strimzi models collect them instead; {@link UnknownFields} finds those.
     */
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Returns the folder that contains {@code base/} and {@code overlays/}. */
    static Path k8sDir() {
        return Path.of(System.getProperty("descent.k8s.dir", ".")).toAbsolutePath().normalize();
    }

    /** Returns the repository root. */
    static Path rootDir() {
        return Path.of(System.getProperty("descent.root.dir", "..")).toAbsolutePath().normalize();
    }

    /**
     * Runs kubectl kustomize on one overlay and parses its output.
     *
     * @throws IllegalStateException when kubectl is missing, fails or times out
     */
    static RenderedOverlay render(String overlay) throws IOException, InterruptedException {
        String kubectl = System.getProperty("descent.kubectl", "kubectl");
        Path folder = k8sDir().resolve("overlays").resolve(overlay);
        Path output = Files.createTempFile("kustomize-" + overlay + "-", ".yaml");
        Path errors = Files.createTempFile("kustomize-" + overlay + "-", ".log");
        try {
            Process process;
            try {
                process = new ProcessBuilder(kubectl, "kustomize", folder.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            }
            catch (IOException e) {
                throw new IllegalStateException("cannot run '" + kubectl + "': " + e.getMessage() + "; install"
                        + " kubectl 1.27 or later (it embeds Kustomize 5) or pass -Dkubectl=/path/to/kubectl", e);
            }

            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(kubectl + " kustomize " + folder + " timed out after 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(kubectl + " kustomize " + folder + " failed with exit code "
                        + process.exitValue() + ": " + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new RenderedOverlay(overlay, parse(Files.readAllBytes(output)));
        }
        finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static List<Map<String, Object>> parse(byte[] output) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> documents = YAML.readerFor(new TypeReference<Map<String, Object>>() {
        }).readValues(output)) {
            while (documents.hasNext()) {
                Map<String, Object> document = documents.next();
                if (document != null && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    /** Returns every object of one kind. */
    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    /** Returns the object of a kind and name, if rendered. */
    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(Maps.string(object, "metadata", "name")))
                .findFirst();
    }

    /** Returns the object of a kind and name, failing the test when it is missing. */
    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("overlay " + this.name + " renders no " + kind
                + " named " + name));
    }

    /** Converts an object to a typed model; check the result with {@link UnknownFields} for undeclared fields. */
    <T> T typed(Map<String, Object> object, Class<T> type) {
        return YAML.convertValue(object, type);
    }
}
