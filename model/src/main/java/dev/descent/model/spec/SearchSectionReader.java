package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import dev.descent.model.search.Distribution;
import dev.descent.model.search.LossParameters;
import dev.descent.model.search.RungResource;
import dev.descent.model.search.SearchSpec;
import dev.descent.model.search.SearchStrategy;

/** Reads and validates the {@code search} section of an experiment file for {@link SpecParser}. */
final class SearchSectionReader {

    private static final List<String> KEYS =
            List.of("strategy", "samples", "seed", "parameters", "reduction-factor", "rungs", "resource");
    private static final List<String> HALVING_KEYS = List.of("reduction-factor", "rungs", "resource");
    private static final List<String> DISTRIBUTION_KEYS = List.of("distribution", "min", "max", "values");
    private static final int DEFAULT_RUNGS = 3;
    private static final int DEFAULT_REDUCTION_FACTOR = 3;

    private SearchSectionReader() {
    }

    /** Returns the search settings, or the grid when the section is absent; problems are added to the list. */
    static SearchSpec read(NodeTuple tuple, TrainingSpec training, SpecParser.Problems problems) {
        if (tuple == null) {
            return SearchSpec.grid();
        }
        Map<String, NodeTuple> fields = SpecParser.section(tuple, "search", KEYS, problems);
        SearchStrategy strategy = readStrategy(fields, problems);

        int samples = (int) SpecParser.optionalInteger(fields, "search", "samples", 0, 1, 100_000, problems);
        long seed = SpecParser.optionalInteger(fields, "search", "seed", 0, 0, Integer.MAX_VALUE, problems);
        Map<String, Distribution> parameters = readParameters(fields.get("parameters"), problems);
        int factor = (int) SpecParser.optionalInteger(fields, "search", "reduction-factor", DEFAULT_REDUCTION_FACTOR,
                2, 10, problems);
        int rungs = (int) SpecParser.optionalInteger(fields, "search", "rungs", DEFAULT_RUNGS, 2, 6, problems);
        RungResource resource = readResource(fields, problems);

        // Each setting applies to some strategies only; a setting the strategy ignores is a mistake in the file.
        if (strategy == SearchStrategy.GRID) {
            reject(fields, List.of("samples", "seed", "parameters"), problems,
                    "the grid trains every pretext task x loss; set search.strategy to random or asha to sample");
        }
        if (strategy == SearchStrategy.RANDOM && samples == 0) {
            problems.add(tuple.getValueNode(), "search.samples", null,
                    "missing; random search needs the number of configurations to sample, such as 'samples: 12'");
        }
        if (!strategy.halving()) {
            reject(fields, HALVING_KEYS, problems, "only successive-halving and asha train in rungs");
        }
        if (samples == 0 && fields.containsKey("parameters")) {
            problems.add(fields.get("parameters").getKeyNode(), "search.parameters", null,
                    "parameters are sampled only when search.samples is set; add 'samples: N'");
        }
        if (strategy.halving()) {
            checkSmallestRung(fields, tuple, training, factor, rungs, resource, problems);
        }
        return new SearchSpec(strategy, samples, parameters, seed, factor, rungs, resource);
    }

    /** Checks each {@code loss.<name>} distribution against the experiment's losses. */
    static void checkLossParameters(NodeTuple tuple, SearchSpec search, List<String> losses,
                                    SpecParser.Problems problems) {
        for (Map.Entry<String, Distribution> parameter : search.parameters().entrySet()) {
            if (!parameter.getKey().startsWith(SearchSpec.LOSS_PREFIX) || losses.isEmpty()) {
                continue;
            }
            String name = parameter.getKey().substring(SearchSpec.LOSS_PREFIX.length());
            String problem = LossParameters.check(losses, name, parameter.getValue());
            if (problem != null) {
                problems.add(tuple.getValueNode(), "search.parameters." + parameter.getKey(), null, problem);
            }
        }
    }

    private static SearchStrategy readStrategy(Map<String, NodeTuple> fields, SpecParser.Problems problems) {
        NodeTuple tuple = fields.get("strategy");
        if (tuple == null) {
            return SearchStrategy.GRID;
        }
        String text = SpecParser.scalar(tuple.getValueNode(), "search.strategy", problems);
        if (text == null) {
            return SearchStrategy.GRID;
        }
        return SearchStrategy.byId(text).orElseGet(() -> {
            String hint = Suggestions.closest(text, SearchStrategy.ids()).map(s -> "did you mean '" + s + "'? ")
                    .orElse("");
            problems.add(tuple.getValueNode(), "search.strategy", text,
                    "unknown strategy; " + hint + "allowed strategies are " + SearchStrategy.ids());
            return SearchStrategy.GRID;
        });
    }

    private static RungResource readResource(Map<String, NodeTuple> fields, SpecParser.Problems problems) {
        NodeTuple tuple = fields.get("resource");
        if (tuple == null) {
            return RungResource.PRETRAIN_IMAGES;
        }
        String text = SpecParser.scalar(tuple.getValueNode(), "search.resource", problems);
        if (text == null) {
            return RungResource.PRETRAIN_IMAGES;
        }
        return RungResource.byId(text).orElseGet(() -> {
            problems.add(tuple.getValueNode(), "search.resource", text,
                    "unknown resource; allowed resources are " + RungResource.ids());
            return RungResource.PRETRAIN_IMAGES;
        });
    }

    private static Map<String, Distribution> readParameters(NodeTuple tuple, SpecParser.Problems problems) {
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        if (tuple == null) {
            return parameters;
        }
        if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
            problems.add(tuple.getValueNode(), "search.parameters", null, "must be a mapping from a parameter name "
                    + "('learning-rate' or 'loss.<name>') to a distribution");
            return parameters;
        }
        for (NodeTuple entry : mapping.getValue()) {
            String name = SpecParser.scalar(entry.getKeyNode(), "search.parameters", problems);
            if (name == null) {
                continue;
            }
            String field = "search.parameters." + name;
            boolean lossParameter = name.startsWith(SearchSpec.LOSS_PREFIX)
                    && name.length() > SearchSpec.LOSS_PREFIX.length();
            if (!name.equals(SearchSpec.LEARNING_RATE) && !lossParameter) {
                problems.add(entry.getKeyNode(), field, name, "unknown parameter; use 'learning-rate' or "
                        + "'loss.<name>' for a loss parameter such as 'loss.delta'");
                continue;
            }
            if (parameters.containsKey(name)) {
                problems.add(entry.getKeyNode(), field, name, "duplicate parameter; give each parameter once");
                continue;
            }
            Distribution distribution = readDistribution(entry.getValueNode(), field, problems);
            if (distribution != null && name.equals(SearchSpec.LEARNING_RATE)) {
                checkLearningRate(entry.getValueNode(), field, distribution, problems);
            }
            if (distribution != null) {
                parameters.put(name, distribution);
            }
        }
        return parameters;
    }

    private static Distribution readDistribution(Node node, String field, SpecParser.Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, field, null, "must be a mapping such as {distribution: log-uniform, min: 0.0001, "
                    + "max: 0.01}");
            return null;
        }
        Map<String, NodeTuple> fields = SpecParser.fields(mapping, field + ".", DISTRIBUTION_KEYS, problems);
        NodeTuple kindTuple = fields.get("distribution");
        if (kindTuple == null) {
            problems.add(node, field + ".distribution", null, "missing; allowed distributions are "
                    + Distribution.Kind.ids());
            return null;
        }
        String kindText = SpecParser.scalar(kindTuple.getValueNode(), field + ".distribution", problems);
        Distribution.Kind kind = kindText == null ? null : Distribution.Kind.byId(kindText).orElse(null);
        if (kind == null) {
            if (kindText != null) {
                problems.add(kindTuple.getValueNode(), field + ".distribution", kindText,
                        "unknown distribution; allowed distributions are " + Distribution.Kind.ids());
            }
            return null;
        }
        if (kind == Distribution.Kind.CHOICE) {
            return readChoice(node, fields, field, problems);
        }
        return readRange(node, kind, fields, field, problems);
    }

    private static Distribution readChoice(Node node, Map<String, NodeTuple> fields, String field,
                                           SpecParser.Problems problems) {
        reject(fields, List.of("min", "max"), problems, "a choice lists its values; remove min and max");
        NodeTuple values = fields.get("values");
        if (values == null) {
            problems.add(node, field + ".values", null, "missing; list the values to choose from, such as [0.1, 1]");
            return null;
        }
        List<Double> chosen = new ArrayList<>();
        for (Node item : SpecParser.sequence(values.getValueNode(), field + ".values", problems)) {
            Double value = number(item, field + ".values", problems);
            if (value != null) {
                chosen.add(value);
            }
        }
        return chosen.isEmpty() ? null : new Distribution(Distribution.Kind.CHOICE, 0, 0, chosen);
    }

    private static Distribution readRange(Node node, Distribution.Kind kind, Map<String, NodeTuple> fields,
                                          String field, SpecParser.Problems problems) {
        reject(fields, List.of("values"), problems, "only a choice lists values; give min and max");
        Double min = fields.containsKey("min") ? number(fields.get("min").getValueNode(), field + ".min", problems)
                : null;
        Double max = fields.containsKey("max") ? number(fields.get("max").getValueNode(), field + ".max", problems)
                : null;
        if (!fields.containsKey("min") || !fields.containsKey("max")) {
            problems.add(node, field, null, "a " + kind.id() + " distribution needs both min and max");
            return null;
        }
        if (min == null || max == null) {
            return null;
        }
        if (!(min < max)) {
            problems.add(fields.get("max").getValueNode(), field + ".max", SpecParser.plain(max),
                    "must be greater than min (" + SpecParser.plain(min) + ")");
            return null;
        }
        if (kind == Distribution.Kind.LOG_UNIFORM && min <= 0) {
            problems.add(fields.get("min").getValueNode(), field + ".min", SpecParser.plain(min),
                    "a log-uniform distribution needs min > 0; use uniform for ranges that include 0");
            return null;
        }
        return new Distribution(kind, min, max, List.of());
    }

    private static void checkLearningRate(Node node, String field, Distribution distribution,
                                          SpecParser.Problems problems) {
        List<Double> bounds = distribution.kind() == Distribution.Kind.CHOICE ? distribution.values()
                : List.of(distribution.min(), distribution.max());
        for (double value : bounds) {
            if (!(value >= 1e-7 && value <= 1.0)) {
                problems.add(node, field, SpecParser.plain(value), "a learning rate must be from 0.0000001 to 1");
                return;
            }
        }
    }

    /** Checks that the smallest rung still trains on at least one batch or one epoch. */
    private static void checkSmallestRung(Map<String, NodeTuple> fields, NodeTuple tuple, TrainingSpec training,
                                          int factor, int rungs, RungResource resource,
                                          SpecParser.Problems problems) {
        if (training == null) {
            return;
        }
        Node node = fields.containsKey("rungs") ? fields.get("rungs").getValueNode() : tuple.getValueNode();
        long divisor = Math.round(Math.pow(factor, rungs - 1));
        if (resource == RungResource.EPOCHS && training.epochs() < divisor) {
            problems.add(node, "search.rungs", String.valueOf(rungs), "the smallest rung would train for "
                    + "training.epochs / reduction-factor^(rungs - 1) = " + training.epochs() + " / " + divisor
                    + " epochs, less than 1; raise training.epochs to at least " + divisor + " or use fewer rungs");
        }
        if (resource == RungResource.PRETRAIN_IMAGES && training.pretrainImages() / divisor < training.batchSize()) {
            problems.add(node, "search.rungs", String.valueOf(rungs), "the smallest rung would pretrain on "
                    + "training.pretrain-images / reduction-factor^(rungs - 1) = " + training.pretrainImages() + " / "
                    + divisor + " images, less than one batch of " + training.batchSize() + "; raise "
                    + "training.pretrain-images to at least " + divisor * training.batchSize() + " or use fewer rungs");
        }
    }

    private static Double number(Node node, String field, SpecParser.Problems problems) {
        String text = SpecParser.scalar(node, field, problems);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // Reported below with the same message as a non-finite number.
        }
        problems.add(node, field, text, "must be a finite number");
        return null;
    }

    private static void reject(Map<String, NodeTuple> fields, List<String> keys, SpecParser.Problems problems,
                               String reason) {
        for (String key : keys) {
            NodeTuple tuple = fields.get(key);
            if (tuple != null) {
                problems.add(tuple.getKeyNode(), "search." + key, null, "not allowed here: " + reason);
            }
        }
    }
}
