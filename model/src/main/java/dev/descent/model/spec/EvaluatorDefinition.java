package dev.descent.model.spec;

/**
 * A way to score frozen features with labels, such as the linear probe, as a worker announces it.
 *
 * @param name the evaluator's name, such as {@code linear-probe}
 * @param version the implementation's version
 * @param description what the evaluator fits and reports
 */
public record EvaluatorDefinition(String name, String version, String description) {
}
