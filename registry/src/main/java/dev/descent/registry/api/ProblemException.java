package dev.descent.registry.api;

/** Ends a request with the given problem detail, which {@link ProblemExceptionMapper} writes as the response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
