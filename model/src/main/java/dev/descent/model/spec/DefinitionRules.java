package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that a plug-in's definition can be named in experiment files and canonical loss strings: a lowercase name of
 * letters, digits and dashes, and parameters whose defaults lie in their ranges. Workers reject a plug-in that breaks
 * a rule when they load it; the orchestrator and the registry ignore such a definition in an announcement.
 */
public final class DefinitionRules {

    /** A name such as {@code log-cosh} or {@code charbonnier2}. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private DefinitionRules() {
    }

    /** Returns every broken rule of a loss definition, each naming the value and the fix; empty when it is valid. */
    public static List<String> problems(LossDefinition loss) {
        List<String> problems = new ArrayList<>(nameProblems("loss", loss.name()));
        for (LossParameter parameter : loss.parameters()) {
            String where = "parameter " + parameter.name() + " of loss " + loss.name();
            if (!NAME.matcher(parameter.name()).matches()) {
                problems.add("invalid " + where + ": use lowercase letters, digits and dashes");
            }
            if (!(parameter.min() <= parameter.max())) {
                problems.add("invalid range of " + where + ": min " + parameter.min() + " is above max "
                        + parameter.max() + "; swap them");
            }
            else if (!parameter.accepts(parameter.defaultValue())) {
                problems.add("invalid default of " + where + ": " + parameter.defaultValue() + " is not "
                        + parameter.range() + "; give a default inside the range");
            }
        }
        return problems;
    }

    /** Returns every broken rule of a pretext task definition; empty when it is valid. */
    public static List<String> problems(PretextDefinition task) {
        List<String> problems = new ArrayList<>(nameProblems("pretext task", task.name()));
        if (task.target() == null) {
            problems.add("pretext task " + task.name() + " declares no target kind; give image or class");
        }
        return problems;
    }

    private static List<String> nameProblems(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return List.of("invalid " + kind + " name '" + name + "': use lowercase letters, digits and dashes, "
                    + "starting with a letter, such as log-cosh");
        }
        if (name.equals(WeightedLossSum.NAME)) {
            return List.of("invalid " + kind + " name 'sum': it names weighted sums; choose another name");
        }
        return List.of();
    }
}
