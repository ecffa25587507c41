package dev.descent.model.spec;

import org.yaml.snakeyaml.nodes.Node;

/** Receives the problems that a section reader finds, with the YAML node each one concerns. */
@FunctionalInterface
interface ProblemSink {

    /**
     * Records a problem.
     *
     * @param node the node whose line the problem names
     * @param field the dotted field, such as {@code losses.huber.delta}
     * @param value the offending value as written, or {@code null} when it is missing or not a scalar
     * @param message what is wrong and which values are allowed
     */
    void add(Node node, String field, String value, String message);
}
