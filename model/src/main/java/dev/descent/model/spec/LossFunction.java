package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The reconstruction losses a worker can train with, by the name an experiment file uses. */
public enum LossFunction {

    /** Mean squared error per pixel. */
    L2("l2"),

    /** Mean absolute error per pixel. */
    L1("l1");

    private final String id;

    LossFunction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<LossFunction> byId(String id) {
        return Arrays.stream(values()).filter(loss -> loss.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LossFunction::id).toList();
    }
}
