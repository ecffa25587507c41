package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an experiment file's {@code losses} list into canonical loss strings (see {@link LossSpec#canonical()}).
 *
 * <p>Each item is a built-in name ({@code l2}), a canonical string ({@code huber(delta=0.1)}), a built-in with
 * parameters ({@code {huber: {delta: 0.1}}}) or a weighted sum ({@code {sum: [{l2: 1.0}, {l1: 0.5}]}}). A sum's term
 * is {@code {NAME: WEIGHT}}, or {@code {NAME: {weight: WEIGHT, PARAMETER: VALUE}}} for a loss with parameters.
 */
final class LossYamlReader {

    private static final String FIELD = "losses";
    private static final String EXAMPLES = "a built-in name, {huber: {delta: 0.1}} or {sum: [{l2: 1.0}, {l1: 0.5}]}";

    private final ProblemSink problems;

    private LossYamlReader(ProblemSink problems) {
        this.problems = problems;
    }

    /**
     * Reads the {@code losses} field.
     *
     * @param tuple the field, or {@code null} when the file lacks it
     * @param parent the top-level mapping, for the line of a missing field
     * @return the canonical strings of the valid, distinct items in file order
     */
    static List<String> read(NodeTuple tuple, MappingNode parent, ProblemSink problems) {
        return new LossYamlReader(problems).read(tuple, parent);
    }

    private List<String> read(NodeTuple tuple, MappingNode parent) {
        List<String> chosen = new ArrayList<>();
        if (tuple == null) {
            problems.add(parent, FIELD, null, "missing; list one or more of " + LossSpecs.names() + ", as "
                    + EXAMPLES);
            return chosen;
        }
        for (Node item : items(tuple.getValueNode())) {
            LossSpec spec = item(item);
            if (spec == null) {
                continue;
            }
            String canonical = spec.canonical();
            if (chosen.contains(canonical)) {
                problems.add(item, FIELD, canonical, "listed twice; list each value once");
            }
            else {
                chosen.add(canonical);
            }
        }
        return chosen;
    }

    private List<Node> items(Node node) {
        if (node instanceof SequenceNode sequence) {
            if (sequence.getValue().isEmpty()) {
                problems.add(node, FIELD, "[]", "must list at least one value");
            }
            return sequence.getValue();
        }
        if (node instanceof ScalarNode) {
            return List.of(node);
        }
        // A single mapping such as `losses: {huber: {delta: 0.1}}` is one item, like a single scalar.
        return List.of(node);
    }

    private LossSpec item(Node item) {
        if (item instanceof ScalarNode scalar) {
            return scalarItem(scalar);
        }
        if (!(item instanceof MappingNode mapping)) {
            problems.add(item, FIELD, null, "nested lists are not losses; give " + EXAMPLES);
            return null;
        }
        NodeTuple entry = singleEntry(mapping, FIELD);
        if (entry == null) {
            return null;
        }
        String name = ((ScalarNode) entry.getKeyNode()).getValue();
        if (name.equals(WeightedLossSum.NAME)) {
            return sum(entry.getValueNode());
        }
        LossDefinition function = function(entry.getKeyNode(), name, FIELD);
        if (function == null) {
            return null;
        }
        Map<String, Double> parameters = parameters(entry.getValueNode(), function, FIELD + "." + name, false);
        return parameters == null ? null : new BasicLoss(function, parameters);
    }

    private LossSpec scalarItem(ScalarNode scalar) {
        String value = scalar.getValue();
        if (value.contains("(")) {
            try {
                return LossSpecs.parseCanonical(value);
            }
            catch (IllegalArgumentException e) {
                problems.add(scalar, FIELD, value, e.getMessage());
                return null;
            }
        }
        if (value.equals(WeightedLossSum.NAME)) {
            problems.add(scalar, FIELD, value, "a sum needs its terms; write {sum: [{l2: 1.0}, {l1: 0.5}]}");
            return null;
        }
        LossDefinition function = function(scalar, value, FIELD);
        return function == null ? null : BasicLoss.of(function);
    }

    private WeightedLossSum sum(Node value) {
        String field = FIELD + "." + WeightedLossSum.NAME;
        if (!(value instanceof SequenceNode sequence)) {
            problems.add(value, field, null, "must be a list of weighted terms such as [{l2: 1.0}, {l1: 0.5}]");
            return null;
        }
        List<WeightedTerm> terms = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        boolean valid = true;
        for (Node item : sequence.getValue()) {
            WeightedTerm term = term(item, field);
            if (term == null) {
                valid = false;
            }
            else if (seen.contains(term.loss().canonical())) {
                problems.add(item, field, term.loss().canonical(),
                        "listed twice in the sum; list each loss once and add the weights");
                valid = false;
            }
            else {
                seen.add(term.loss().canonical());
                terms.add(term);
            }
        }
        int count = sequence.getValue().size();
        if (count < WeightedLossSum.MIN_TERMS || count > WeightedLossSum.MAX_TERMS) {
            problems.add(value, field, null, "has " + count + " terms; a sum takes " + WeightedLossSum.MIN_TERMS
                    + " to " + WeightedLossSum.MAX_TERMS + " terms");
            return null;
        }
        return valid ? new WeightedLossSum(terms) : null;
    }

    private WeightedTerm term(Node item, String field) {
        if (!(item instanceof MappingNode mapping)) {
            problems.add(item, field, item instanceof ScalarNode scalar ? scalar.getValue() : null,
                    "each term must be a mapping of a loss to its weight, such as {l1: 0.5}, or "
                            + "{huber: {weight: 0.5, delta: 0.1}} for a loss with parameters");
            return null;
        }
        NodeTuple entry = singleEntry(mapping, field);
        if (entry == null) {
            return null;
        }
        String name = ((ScalarNode) entry.getKeyNode()).getValue();
        if (name.equals(WeightedLossSum.NAME)) {
            problems.add(entry.getKeyNode(), field, name,
                    "sums do not nest; list the inner sum's losses as terms of the outer sum");
            return null;
        }
        LossDefinition function = function(entry.getKeyNode(), name, field);
        if (function == null) {
            return null;
        }

        String termField = field + "." + name;
        Node value = entry.getValueNode();
        if (value instanceof ScalarNode scalar) {
            Double weight = number(scalar, termField, WeightedLossSum.WEIGHT);
            return weight == null ? null : new WeightedTerm(weight, BasicLoss.of(function));
        }
        Map<String, Double> parameters = parameters(value, function, termField, true);
        if (parameters == null) {
            return null;
        }

        Double weight = parameters.remove(WeightedLossSum.WEIGHT.name());
        if (weight == null) {
            problems.add(value, termField + "." + WeightedLossSum.WEIGHT.name(), null,
                    "missing; give the term's weight " + WeightedLossSum.WEIGHT.range());
            return null;
        }
        return new WeightedTerm(weight, new BasicLoss(function, parameters));
    }

    /**
     * Reads a mapping of parameter values; {@code withWeight} also allows the key {@code weight}. Returns
     * {@code null} after reporting a problem.
     */
    private Map<String, Double> parameters(Node value, LossDefinition function, String field, boolean withWeight) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        if (value instanceof ScalarNode scalar && scalar.getValue().isEmpty() && !withWeight) {
            return parameters;
        }
        List<String> allowed = new ArrayList<>(function.parameterNames());
        if (withWeight) {
            allowed.add(0, WeightedLossSum.WEIGHT.name());
        }
        if (!(value instanceof MappingNode mapping)) {
            problems.add(value, field, value instanceof ScalarNode scalar ? scalar.getValue() : null,
                    "must be a mapping of parameters; allowed parameters are " + allowed);
            return null;
        }
        boolean valid = true;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                String hint = key == null ? "" : Suggestions.closest(key, allowed)
                        .map(s -> "did you mean '" + s + "'? ").orElse("");
                String rule = allowed.isEmpty() ? function.id() + " has no parameters; write it as a plain name"
                        : hint + "allowed parameters are " + allowed;
                problems.add(tuple.getKeyNode(), field + "." + key, key, "unknown parameter; " + rule);
                valid = false;
                continue;
            }
            if (parameters.containsKey(key)) {
                problems.add(tuple.getKeyNode(), field + "." + key, key, "duplicate key; give each key once");
                valid = false;
                continue;
            }
            LossParameter schema = key.equals(WeightedLossSum.WEIGHT.name()) ? WeightedLossSum.WEIGHT
                    : function.parameter(key).orElseThrow();
            Double number = number(tuple.getValueNode(), field + "." + key, schema);
            if (number == null) {
                valid = false;
            }
            else {
                parameters.put(key, number);
            }
        }
        return valid ? parameters : null;
    }

    private Double number(Node node, String field, LossParameter schema) {
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(node, field, null, "must be a number " + schema.range());
            return null;
        }
        String text = scalar.getValue();
        double value;
        try {
            value = Double.parseDouble(text);
        }
        catch (NumberFormatException e) {
            problems.add(node, field, text, "must be a number " + schema.range());
            return null;
        }
        if (!schema.accepts(value)) {
            problems.add(node, field, text, "out of range; must be " + schema.range());
            return null;
        }
        return value;
    }

    private NodeTuple singleEntry(MappingNode mapping, String field) {
        List<NodeTuple> entries = mapping.getValue();
        if (entries.size() != 1 || !(entries.get(0).getKeyNode() instanceof ScalarNode)) {
            problems.add(mapping, field, null, "each loss mapping must have exactly one key, the loss name, as in "
                    + EXAMPLES);
            return null;
        }
        return entries.get(0);
    }

    private LossDefinition function(Node node, String name, String field) {
        LossDefinition function = LossSchemas.lookup(name).orElse(null);
        if (function == null) {
            List<String> allowed = LossSpecs.names();
            String hint = Suggestions.closest(name, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
            problems.add(node, field, name, "unknown value; " + hint + "allowed values are " + allowed
                    + ", as " + EXAMPLES + "; a plug-in's loss is known once a worker that loaded its jar has "
                    + "announced it (descent up --plugins FOLDER)");
        }
        return function;
    }
}
