package dev.descent.model.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an experiment file is invalid; carries every problem found, not only the first. */
public class SpecException extends RuntimeException {

    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
