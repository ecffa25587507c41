package dev.descent.orchestrator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.descent.orchestrator.support.ReliabilitySettings;

/**
 * Requests that the orchestrator must reject, each with the status, the problem type and a piece of text that the
 * problem document must contain, so that every rejection names the field, the value or the fix.
 */
final class BadInputCorpus {

    /** A valid experiment file that each YAML case breaks in one place. */
    static final String VALID = """
            name: corpus
            dataset: fashion-mnist
            pretext: [inpainting]
            losses: [l2]
            seeds: [1]
            training:
              epochs: 1
              pretrain-images: 1000
            probe:
              train-images: 500
              test-images: 100
            """;

    private BadInputCorpus() {
    }

    /**
     * One bad request.
     *
     * @param label the case's name in test reports
     * @param method {@code POST} or {@code GET}
     * @param path the request path
     * @param contentType the Content-Type header, or {@code null} for none
     * @param authorization the Authorization header, or {@code null} for none
     * @param body the raw body
     * @param status the expected HTTP status
     * @param type the expected problem type's slug
     * @param message text the problem document must contain
     */
    record BadInput(String label, String method, String path, String contentType, String authorization, byte[] body,
                    int status, String type, String message) {

        @Override
        public String toString() {
            return label;
        }
    }

    static List<BadInput> all() {
        List<BadInput> cases = new ArrayList<>();
        // Malformed YAML and wrong document shapes.
        cases.add(yaml("unclosed flow sequence", "name: [corpus\n", "invalid YAML"));
        cases.add(yaml("mapping value in plain scalar", "name: a: b: c\n", "invalid YAML"));
        cases.add(yaml("tab indentation", "name: corpus\ntraining:\n\tepochs: 1\n", "invalid YAML"));
        cases.add(yaml("control character", "name: cor\u0007pus\n", "invalid YAML"));
        cases.add(yaml("empty body", "", "the file is empty"));
        cases.add(yaml("comment only", "# nothing here\n", "the file is empty"));
        cases.add(yaml("top-level list", "- name\n- corpus\n", "must be a mapping"));
        cases.add(yaml("top-level scalar", "corpus\n", "must be a mapping"));
        // Unknown and duplicate keys.
        cases.add(yaml("unknown top key with hint", VALID.replace("seeds:", "seed:"), "did you mean 'seeds'"));
        cases.add(yaml("misspelled section", VALID.replace("training:", "trainig:"), "did you mean 'training'"));
        cases.add(yaml("unknown training key", VALID.replace("  epochs: 1", "  epoch: 1"), "did you mean 'epochs'"));
        cases.add(yaml("unknown probe key", VALID.replace("  test-images: 100", "  test_images: 100"),
                "did you mean 'test-images'"));
        cases.add(yaml("duplicate key", VALID + "name: again\n", "duplicate key"));
        cases.add(yaml("missing name", VALID.replace("name: corpus\n", ""), "name: missing"));
        // Wrong types and values.
        cases.add(yaml("invalid name", VALID.replace("name: corpus", "name: 'a b/c'"), "must be 1-64 letters"));
        cases.add(yaml("name is a list", VALID.replace("name: corpus", "name: [a, b]"), "must be a single value"));
        cases.add(yaml("unknown pretext task", VALID.replace("[inpainting]", "[jigsaw]"), "allowed values are"));
        cases.add(yaml("unknown loss with hint", VALID.replace("[l2]", "[l3]"), "did you mean"));
        cases.add(yaml("seeds a word", VALID.replace("seeds: [1]", "seeds: many"), "invalid value 'many'"));
        cases.add(yaml("seed not a number", VALID.replace("seeds: [1]", "seeds: [one]"), "must be a whole number"));
        cases.add(yaml("epochs not a number", VALID.replace("epochs: 1", "epochs: many"), "must be a whole number"));
        cases.add(yaml("epochs fractional", VALID.replace("epochs: 1", "epochs: 1.5"), "must be a whole number"));
        cases.add(yaml("training not a mapping", VALID.replace("training:\n  epochs: 1\n  pretrain-images: 1000\n",
                "training: fast\n"), "must be a mapping"));
        cases.add(yaml("unknown dataset", VALID.replace("dataset: fashion-mnist", "dataset: cifar-99"),
                "unknown dataset"));
        // Out-of-range numbers.
        cases.add(yaml("epochs zero", VALID.replace("epochs: 1", "epochs: 0"), "out of range; must be from 1"));
        cases.add(yaml("pretrain images too many", VALID.replace("pretrain-images: 1000", "pretrain-images: 60001"),
                "out of range; must be from 1 to 60000"));
        cases.add(yaml("learning rate negative", VALID.replace("  epochs: 1", "  epochs: 1\n  learning-rate: -0.1"),
                "training.learning-rate"));
        cases.add(yaml("probe test images zero", VALID.replace("test-images: 100", "test-images: 0"),
                "probe.test-images"));
        cases.add(yaml("knn-k above train images", VALID.replace("test-images: 100", "test-images: 100\n  knn-k: 900"),
                "must not exceed probe.train-images"));
        cases.add(yaml("seed huge", VALID.replace("seeds: [1]", "seeds: [99999999999999999999]"),
                "seeds"));
        // A grid over the cap of 500 trials: 1 x 1 x 501 seeds.
        StringBuilder seeds = new StringBuilder("seeds: [1");
        for (int i = 2; i <= 501; i++) {
            seeds.append(", ").append(i);
        }
        cases.add(yaml("grid over the cap", VALID.replace("seeds: [1]", seeds + "]"), "more than the limit of 500"));
        // Denial-of-service shapes.
        cases.add(yaml("alias bomb", aliasBomb(), "invalid YAML"));
        cases.add(yaml("deep nesting", "name: " + "[".repeat(60) + "]".repeat(60) + "\n", "invalid YAML"));
        // Code execution attempts: SnakeYAML rejects global tags, and values are never evaluated.
        cases.add(yaml("java constructor tag",
                VALID.replace("name: corpus", "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                        + "[[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]"), "Global tag is not allowed"));
        cases.add(yaml("expression in a value", VALID.replace("[l2]", "[\"${jndi:ldap://127.0.0.1/x}\"]"),
                "unknown value"));
        // Dataset paths outside the data roots.
        cases.add(yaml("relative dataset path", withPath("datasets/fashion-mnist"), "the path must be absolute"));
        cases.add(yaml("dot-dot escape", withPath("/usr/share/datasets/../../../etc"), "'..' segments"));
        cases.add(yaml("path outside roots", withPath("/etc"), "outside the allowed data roots"));
        cases.add(yaml("root prefix trick", withPath("/usr/share/datasets-evil/fm"),
                "outside the allowed data roots"));
        cases.add(yaml("symbolic link escape", withPath(ReliabilitySettings.DATA_ROOT.resolve("escape").toString()),
                "symbolic link"));
        // Transport: size, encoding, media type, query parameters.
        cases.add(post("body over the size limit", "application/yaml", bearer(),
                (VALID + "#" + "x".repeat(300 * 1024) + "\n").getBytes(StandardCharsets.UTF_8), 413,
                "body-too-large", "descent.orchestrator.max-body-size"));
        cases.add(post("not UTF-8", "application/yaml", bearer(), new byte[] {'n', 'a', 'm', 'e', ':', ' ',
                (byte) 0xC3, (byte) 0x28, '\n'}, 400, "invalid-encoding", "save the experiment file as UTF-8"));
        cases.add(post("other charset", "text/yaml; charset=ISO-8859-1", bearer(),
                VALID.getBytes(StandardCharsets.ISO_8859_1), 415, "unsupported-charset", "ISO-8859-1"));
        cases.add(post("JSON media type", "application/json", bearer(), "{\"name\":\"x\"}".getBytes(
                StandardCharsets.UTF_8), 415, "unsupported-media-type", "application/yaml"));
        cases.add(new BadInput("invalid source parameter", "POST", "/api/experiments?source=a%3Cb%3E",
                "application/yaml", bearer(), VALID.getBytes(StandardCharsets.UTF_8), 400, "invalid-source",
                "quickstart.yaml"));
        // Authentication.
        cases.add(post("no token", "application/yaml", null, VALID.getBytes(StandardCharsets.UTF_8), 401,
                "unauthorized", "no Authorization header"));
        cases.add(post("wrong token", "application/yaml", "Bearer wrong", VALID.getBytes(StandardCharsets.UTF_8),
                401, "unauthorized", "does not match descent.api.token"));
        cases.add(post("basic scheme", "application/yaml", "Basic dXNlcjpwYXNz",
                VALID.getBytes(StandardCharsets.UTF_8), 401, "unauthorized", "not a Bearer token"));
        cases.add(new BadInput("cancel without token", "POST", "/api/experiments/e-20990101-000000-abcdef/cancel",
                null, null, new byte[0], 401, "unauthorized", "DESCENT_API_TOKEN"));
        cases.add(new BadInput("cancel unknown experiment", "POST",
                "/api/experiments/e-20990101-000000-abcdef/cancel", null, bearer(), new byte[0], 404,
                "experiment-not-found", "e-20990101-000000-abcdef"));
        cases.add(new BadInput("list limit zero", "GET", "/api/experiments?limit=0", null, null, new byte[0], 400,
                "invalid-limit", "use a number from 1 to"));
        return cases;
    }

    static String bearer() {
        return "Bearer " + ReliabilitySettings.TOKEN;
    }

    private static String withPath(String path) {
        return VALID.replace("dataset: fashion-mnist", "dataset:\n  name: fashion-mnist\n  path: " + path);
    }

    /** Returns a "billion laughs" document: ten levels of lists that each repeat the previous level's alias ten times. */
    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ", ").append(previous);
            }
            yaml.append("]\n");
        }
        return yaml.append(VALID).toString();
    }

    private static BadInput yaml(String label, String yaml, String message) {
        return post(label, "application/yaml", bearer(), yaml.getBytes(StandardCharsets.UTF_8), 400,
                "invalid-experiment", message);
    }

    private static BadInput post(String label, String contentType, String authorization, byte[] body, int status,
                                 String type, String message) {
        return new BadInput(label, "POST", "/api/experiments", contentType, authorization, body, status, type,
                message);
    }
}
