package dev.descent.model.spec;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.descent.model.search.SearchSpec;

/**
 * Parses and validates an experiment file.
 *
 * <p>The parser works on SnakeYAML's node tree rather than on bound objects, so every problem names the line it
 * sits on. It collects all problems before it throws, so an author fixes a file in one round. Nothing in a spec is
 * evaluated: tags other than YAML's standard scalars are rejected by SnakeYAML's safe constructor settings, and the
 * alias and size limits below stop "billion laughs" documents.
 *
 * <p>This class is thread-safe.
 */
public final class SpecParser {

    /** The largest experiment file accepted, in characters. */
    public static final int MAX_CODE_POINTS = 256 * 1024;

    private static final int MAX_ALIASES = 20;
    private static final int MAX_NESTING = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final List<String> TOP_KEYS =
            List.of("name", "dataset", "pretext", "losses", "seeds", "training", "probe", "search", "force");
    private static final List<String> DATASET_KEYS = List.of("name", "path", "image-size");
    /** Bounds of {@code dataset.image-size}; at 256 one RGB image takes 768 KiB as floats. */
    private static final int MIN_IMAGE_SIZE = 8;
    private static final int MAX_IMAGE_SIZE = 256;
    private static final List<String> TRAINING_KEYS = List.of("epochs", "batch-size", "learning-rate", "pretrain-images");
    private static final List<String> PROBE_KEYS = List.of("train-images", "validation-images", "test-images", "epochs",
            "knn-k", "label-fractions");

    private final int maxTrials;

    /**
     * Creates a parser.
     *
     * @param maxTrials the largest grid (pretext tasks x losses x seeds) accepted in one experiment
     */
    public SpecParser(int maxTrials) {
        this.maxTrials = maxTrials;
    }

    /**
     * Parses an experiment file.
     *
     * @param source the file name used in problem messages
     * @param yaml the file's text
     * @return the validated spec
     * @throws SpecException listing every problem found
     */
    public ExperimentSpec parse(String source, String yaml) {
        Problems problems = new Problems(source);
        Node root = compose(yaml, problems);
        if (root == null) {
            throw new SpecException(problems.list());
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(root, "", null, "an experiment file must be a mapping with the keys " + TOP_KEYS);
            throw new SpecException(problems.list());
        }

        Map<String, NodeTuple> top = fields(mapping, "", TOP_KEYS, problems);
        String name = readName(top, problems);
        DatasetSpec dataset = readDataset(top.get("dataset"), mapping, problems);
        List<String> pretext = readChoices(top.get("pretext"), mapping, "pretext", PretextSchemas.names(), problems);
        List<String> losses = LossYamlReader.read(top.get("losses"), mapping, problems::add);
        List<Long> seeds = readSeeds(top.get("seeds"), mapping, problems);
        TrainingSpec training = readTraining(top.get("training"), problems);
        ProbeSpec probe = readProbe(top.get("probe"), dataset, problems);
        SearchSpec search = SearchSectionReader.read(top.get("search"), training, problems);
        boolean force = readForce(top.get("force"), problems);
        SearchSectionReader.checkLossParameters(top.get("search"), search, losses, problems);
        checkCompatibility(top, mapping, dataset, pretext, losses, problems);

        int candidates = search.sampled() ? search.samples() : pretext.size() * losses.size();
        int trials = candidates * seeds.size();
        if (trials > maxTrials) {
            String expansion = search.sampled() ? "search.samples x seeds" : "pretext x losses x seeds";
            problems.add(mapping, expansion, String.valueOf(trials),
                    "the experiment expands to " + trials + " trials, more than the limit of " + maxTrials
                            + "; remove pretext tasks, losses or seeds, or split the experiment");
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems.list());
        }
        return new ExperimentSpec(name, dataset, pretext, losses, seeds, training, probe, search, force);
    }

    /** Reports each pretext task and loss that cannot train together, and each colour task on grayscale data. */
    private static void checkCompatibility(Map<String, NodeTuple> top, MappingNode parent, DatasetSpec dataset,
                                           List<String> pretext, List<String> losses, Problems problems) {
        Node lossesNode = top.get("losses") == null ? parent : top.get("losses").getValueNode();
        Node pretextNode = top.get("pretext") == null ? parent : top.get("pretext").getValueNode();
        int channels = dataset == null ? 1 : DatasetFormat.byId(dataset.name()).map(DatasetFormat::channels).orElse(1);
        String datasetName = dataset == null ? "?" : dataset.name();
        for (String task : pretext) {
            PretextDefinition definition = PretextSchemas.lookup(task).orElse(null);
            if (definition == null) {
                continue;
            }
            if (definition.needsColor() && channels < 3) {
                Compatibility.colourProblem(definition, datasetName, channels)
                        .ifPresent(message -> problems.add(pretextNode, "pretext", task, message));
                continue;
            }
            for (String loss : losses) {
                Compatibility.check(definition, LossSpecs.parseCanonical(loss), datasetName, channels)
                        .ifPresent(message -> problems.add(lossesNode, "losses", loss, message));
            }
        }
    }

    private static Node compose(String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        try {
            Node root = new Yaml(options).compose(new StringReader(yaml));
            if (root == null) {
                problems.addAt(0, "", null, "the file is empty; start from experiments/quickstart.yaml");
            }
            return root;
        }
        catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.addAt(line, "", null, "invalid YAML: " + e.getProblem());
            return null;
        }
        catch (YAMLException e) {
            problems.addAt(0, "", null, "invalid YAML: " + e.getMessage());
            return null;
        }
    }

    static Map<String, NodeTuple> fields(MappingNode node, String prefix, List<String> allowed,
                                                 Problems problems) {
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problems.add(tuple.getKeyNode(), prefix, null, "keys must be plain words");
                continue;
            }
            if (!allowed.contains(key)) {
                String hint = Suggestions.closest(key, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
                problems.add(tuple.getKeyNode(), prefix + key, key,
                        "unknown key; " + hint + "allowed keys are " + allowed);
                continue;
            }
            if (fields.containsKey(key)) {
                problems.add(tuple.getKeyNode(), prefix + key, key, "duplicate key; give each key once");
                continue;
            }
            fields.put(key, tuple);
        }
        return fields;
    }

    private static String readName(Map<String, NodeTuple> top, Problems problems) {
        NodeTuple tuple = top.get("name");
        if (tuple == null) {
            problems.addAt(1, "name", null, "missing; give the experiment a name such as 'quickstart'");
            return null;
        }
        String name = scalar(tuple.getValueNode(), "name", problems);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(tuple.getValueNode(), "name", name,
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    private static DatasetSpec readDataset(NodeTuple tuple, MappingNode parent, Problems problems) {
        if (tuple == null) {
            problems.add(parent, "dataset", null, "missing; allowed datasets are " + DatasetFormat.ids());
            return null;
        }
        Node value = tuple.getValueNode();
        String name;
        String path = null;
        NodeTuple imageSizeTuple = null;
        if (value instanceof ScalarNode scalar) {
            name = scalar.getValue();
        }
        else if (value instanceof MappingNode mapping) {
            Map<String, NodeTuple> fields = fields(mapping, "dataset.", DATASET_KEYS, problems);
            name = fields.containsKey("name") ? scalar(fields.get("name").getValueNode(), "dataset.name", problems)
                    : null;
            if (name == null && !fields.containsKey("name")) {
                problems.add(mapping, "dataset.name", null, "missing; allowed datasets are " + DatasetFormat.ids());
            }
            if (fields.containsKey("path")) {
                path = scalar(fields.get("path").getValueNode(), "dataset.path", problems);
            }
            imageSizeTuple = fields.get("image-size");
        }
        else {
            problems.add(value, "dataset", null, "must be a dataset name or a mapping with 'name' and 'path'");
            return null;
        }
        DatasetFormat format = name == null ? null : DatasetFormat.byId(name).orElse(null);
        if (name != null && format == null) {
            problems.add(value, "dataset.name", name, "unknown dataset; allowed datasets are " + DatasetFormat.ids());
        }
        if (format == DatasetFormat.IMAGE_FOLDER && (path == null || path.isBlank())) {
            problems.add(value, "dataset.path", null, "missing; image-folder needs the folder that contains "
                    + "train/<class>/ and test/<class>/, such as /usr/share/datasets/flowers");
        }
        int imageSize = readImageSize(imageSizeTuple, format, problems);
        return new DatasetSpec(name, path, imageSize);
    }

    /** Returns image-folder's side: the given one, or the default; 0 for the formats of a fixed size. */
    private static int readImageSize(NodeTuple tuple, DatasetFormat format, Problems problems) {
        if (format != DatasetFormat.IMAGE_FOLDER) {
            if (tuple != null && format != null) {
                problems.add(tuple.getKeyNode(), "dataset.image-size", null, "only image-folder resizes images; "
                        + format.id() + " has a fixed image size, so remove dataset.image-size");
            }
            return 0;
        }
        if (tuple == null) {
            return DatasetSpec.DEFAULT_IMAGE_SIZE;
        }
        Long side = integer(tuple.getValueNode(), "dataset.image-size", MIN_IMAGE_SIZE, MAX_IMAGE_SIZE, problems);
        if (side == null) {
            return DatasetSpec.DEFAULT_IMAGE_SIZE;
        }
        if (side % 4 != 0) {
            long lower = side / 4 * 4;
            problems.add(tuple.getValueNode(), "dataset.image-size", String.valueOf(side), "must be divisible by 4, "
                    + "because the encoder halves the side twice; use " + lower + " or " + (lower + 4));
        }
        return side.intValue();
    }

    private static List<String> readChoices(NodeTuple tuple, MappingNode parent, String field, List<String> allowed,
                                            Problems problems) {
        List<String> chosen = new ArrayList<>();
        if (tuple == null) {
            problems.add(parent, field, null, "missing; list one or more of " + allowed);
            return chosen;
        }
        for (Node item : sequence(tuple.getValueNode(), field, problems)) {
            String value = scalar(item, field, problems);
            if (value == null) {
                continue;
            }
            if (!allowed.contains(value)) {
                String hint = Suggestions.closest(value, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
                problems.add(item, field, value, "unknown value; " + hint + "allowed values are " + allowed);
            }
            else if (chosen.contains(value)) {
                problems.add(item, field, value, "listed twice; list each value once");
            }
            else {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private static List<Long> readSeeds(NodeTuple tuple, MappingNode parent, Problems problems) {
        List<Long> seeds = new ArrayList<>();
        if (tuple == null) {
            problems.add(parent, "seeds", null, "missing; list one or more integer seeds such as [1, 2, 3]");
            return seeds;
        }
        Set<Long> seen = new HashSet<>();
        for (Node item : sequence(tuple.getValueNode(), "seeds", problems)) {
            Long seed = integer(item, "seeds", 0, Integer.MAX_VALUE, problems);
            if (seed != null && !seen.add(seed)) {
                problems.add(item, "seeds", String.valueOf(seed), "listed twice; list each seed once");
            }
            else if (seed != null) {
                seeds.add(seed);
            }
        }
        return seeds;
    }

    private static TrainingSpec readTraining(NodeTuple tuple, Problems problems) {
        Map<String, NodeTuple> fields = section(tuple, "training", TRAINING_KEYS, problems);
        int epochs = (int) optionalInteger(fields, "training", "epochs", 1, 1, 1000, problems);
        int batchSize = (int) optionalInteger(fields, "training", "batch-size", 64, 1, 4096, problems);
        double learningRate = optionalDouble(fields, "training", "learning-rate", 0.001, 1e-7, 1.0, problems);
        int pretrainImages = (int) optionalInteger(fields, "training", "pretrain-images", 5000, 1, 60000, problems);
        return new TrainingSpec(epochs, batchSize, learningRate, pretrainImages);
    }

    private static ProbeSpec readProbe(NodeTuple tuple, DatasetSpec dataset, Problems problems) {
        Map<String, NodeTuple> fields = section(tuple, "probe", PROBE_KEYS, problems);
        int trainImages = (int) optionalInteger(fields, "probe", "train-images", 10000, 10, 60000, problems);
        int validationImages = (int) optionalInteger(fields, "probe", "validation-images",
                ProbeSpec.DEFAULT_VALIDATION_IMAGES, 1, 60000, problems);
        int testImages = (int) optionalInteger(fields, "probe", "test-images", 2000, 10, 10000, problems);
        int epochs = (int) optionalInteger(fields, "probe", "epochs", 10, 1, 500, problems);
        int knnK = (int) optionalInteger(fields, "probe", "knn-k", 20, 1, 1000, problems);
        if (knnK > trainImages && fields.containsKey("knn-k")) {
            problems.add(fields.get("knn-k").getValueNode(), "probe.knn-k", String.valueOf(knnK),
                    "must not exceed probe.train-images (" + trainImages + ")");
        }
        DatasetFormat format = dataset == null || dataset.name() == null ? null
                : DatasetFormat.byId(dataset.name()).orElse(null);
        // A folder's image count is known only to the workers, which check it against the real data.
        if (format != null && format.trainImages() > 0 && trainImages + validationImages > format.trainImages()) {
            Node at = fields.containsKey("validation-images") ? fields.get("validation-images").getValueNode()
                    : fields.get("train-images").getValueNode();
            problems.add(at, "probe.validation-images", String.valueOf(validationImages), "probe.train-images ("
                    + trainImages + ") plus probe.validation-images (" + validationImages + ") exceed the "
                    + format.trainImages() + " images of the " + format.id() + " train split, which holds both "
                    + "sets without overlap; lower one of them");
        }
        List<Double> labelFractions = readLabelFractions(fields.get("label-fractions"), trainImages, format, problems);
        return new ProbeSpec(trainImages, testImages, epochs, knnK, validationImages, labelFractions);
    }

    /**
     * Reads {@code probe.label-fractions}: numbers in (0, 1], each listed once, each drawing at least one train image
     * per class where the dataset's class count is known. Returns {@code null}, the default, when the key is absent.
     */
    private static List<Double> readLabelFractions(NodeTuple tuple, int trainImages, DatasetFormat format,
                                                   Problems problems) {
        if (tuple == null) {
            return null;
        }
        String field = "probe.label-fractions";
        List<Node> items = sequence(tuple.getValueNode(), field, problems);
        if (items.size() > ProbeSpec.MAX_LABEL_FRACTIONS) {
            problems.add(tuple.getValueNode(), field, String.valueOf(items.size()), "lists " + items.size()
                    + " fractions, more than the limit of " + ProbeSpec.MAX_LABEL_FRACTIONS + "; remove some");
        }
        int classes = knownClasses(format);
        List<Double> fractions = new ArrayList<>();
        for (Node item : items) {
            String text = scalar(item, field, problems);
            if (text == null) {
                continue;
            }
            double fraction;
            try {
                fraction = Double.parseDouble(text);
            }
            catch (NumberFormatException e) {
                problems.add(item, field, text, "must be a number greater than 0 and at most 1, such as 0.1");
                continue;
            }
            if (!(fraction > 0 && fraction <= 1)) {
                problems.add(item, field, text, "out of range; must be greater than 0 and at most 1");
            }
            else if (fractions.contains(fraction)) {
                problems.add(item, field, text, "listed twice; list each fraction once");
            }
            else if (classes > 0 && ProbeSpec.labelFractionImages(fraction, trainImages) < classes) {
                problems.add(item, field, text, "draws " + ProbeSpec.labelFractionImages(fraction, trainImages)
                        + " of the " + trainImages + " probe.train-images, fewer than the " + classes
                        + " classes, so some class would have no labelled image; the smallest valid fraction is "
                        + plain((double) classes / trainImages));
            }
            else {
                fractions.add(fraction);
            }
        }
        return fractions;
    }

    /** Returns the number of classes of a dataset, or 0 when it is unknown until a worker reads the files. */
    private static int knownClasses(DatasetFormat format) {
        if (format == null) {
            return 0;
        }
        return switch (format) {
            case FASHION_MNIST, CIFAR_10 -> 10;
            default -> 0;
        };
    }

    private static boolean readForce(NodeTuple tuple, Problems problems) {
        if (tuple == null) {
            return false;
        }
        String text = scalar(tuple.getValueNode(), "force", problems);
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text != null) {
            problems.add(tuple.getValueNode(), "force", text, "must be true (train every trial again) or false "
                    + "(reuse stored results, the default)");
        }
        return false;
    }

    static Map<String, NodeTuple> section(NodeTuple tuple, String name, List<String> keys, Problems problems) {
        if (tuple == null) {
            return Map.of();
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problems.add(tuple.getValueNode(), name, null, "must be a mapping with the keys " + keys);
            return Map.of();
        }
        return fields(mapping, name + ".", keys, problems);
    }

    static List<Node> sequence(Node node, String field, Problems problems) {
        if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().isEmpty()) {
                problems.add(node, field, "[]", "must list at least one value");
            }
            return sequence.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        problems.add(node, field, null, "must be a list such as [a, b]");
        return List.of();
    }

    static String scalar(Node node, String field, Problems problems) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(node, field, null, "must be a single value, not a list or a mapping");
        return null;
    }

    static long optionalInteger(Map<String, NodeTuple> fields, String section, String key, long fallback,
                                        long min, long max, Problems problems) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            return fallback;
        }
        Long value = integer(tuple.getValueNode(), section + "." + key, min, max, problems);
        return value == null ? fallback : value;
    }

    static Long integer(Node node, String field, long min, long max, Problems problems) {
        String text = scalar(node, field, problems);
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        }
        catch (NumberFormatException e) {
            problems.add(node, field, text, "must be a whole number from " + min + " to " + max);
            return null;
        }
        if (value < min || value > max) {
            problems.add(node, field, text, "out of range; must be from " + min + " to " + max);
            return null;
        }
        return value;
    }

    static double optionalDouble(Map<String, NodeTuple> fields, String section, String key, double fallback,
                                         double min, double max, Problems problems) {
        NodeTuple tuple = fields.get(key);
        if (tuple == null) {
            return fallback;
        }
        String field = section + "." + key;
        String text = scalar(tuple.getValueNode(), field, problems);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        }
        catch (NumberFormatException e) {
            problems.add(tuple.getValueNode(), field, text, "must be a number from " + plain(min) + " to "
                    + plain(max));
            return fallback;
        }
        if (!(value >= min && value <= max)) {
            problems.add(tuple.getValueNode(), field, text, "out of range; must be from " + plain(min) + " to "
                    + plain(max));
            return fallback;
        }
        return value;
    }

    /** Formats a bound without scientific notation, e.g. 0.0000001 rather than 1.0E-7. */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Collects problems with the line of the node they concern. */
    static final class Problems {

        private final String source;
        private final List<SpecProblem> list = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(Node node, String field, String value, String message) {
            addAt(node.getStartMark().getLine() + 1, field, value, message);
        }

        void addAt(int line, String field, String value, String message) {
            String shown = value == null ? message : "invalid value '" + value + "': " + message;
            list.add(new SpecProblem(source, line, field, value, value == null ? message : shown));
        }

        boolean isEmpty() {
            return list.isEmpty();
        }

        List<SpecProblem> list() {
            return list;
        }
    }
}
