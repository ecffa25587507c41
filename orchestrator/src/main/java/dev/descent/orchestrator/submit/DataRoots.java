package dev.descent.orchestrator.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecProblem;
import dev.descent.orchestrator.config.OrchestratorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rejects dataset paths outside {@code descent.orchestrator.data-roots}, so that an experiment file cannot make the
 * workers read arbitrary files.
 *
 * <p>A path must be absolute, must not contain {@code ..} segments, must lie in a root after normalisation, and, when
 * it exists on this host, must still lie in a root after resolving symbolic links. Workers on other hosts are assumed
 * to mount the data at the same paths.
 */
@ApplicationScoped
public class DataRoots {

    private static final String FIELD = "dataset.path";

    @Inject
    OrchestratorConfig config;

    /**
     * Checks a dataset path.
     *
     * @param yaml the experiment file, used only to find the line of {@code path:}
     * @throws SpecException naming the field, the value and the allowed roots when the path is rejected
     */
    public void check(String source, String yaml, String datasetPath) {
        String reason = reject(datasetPath);
        if (reason != null) {
            throw new SpecException(List.of(new SpecProblem(source, lineOfPath(yaml), FIELD, datasetPath,
                    reason + "; use a folder inside " + roots() + " (set by descent.orchestrator.data-roots)")));
        }
    }

    private String reject(String datasetPath) {
        Path path;
        try {
            path = Path.of(datasetPath);
        }
        catch (InvalidPathException e) {
            return "the path is not valid: " + e.getReason();
        }
        if (!path.isAbsolute()) {
            return "the path must be absolute";
        }
        for (Path segment : path) {
            if (segment.toString().equals("..")) {
                return "the path must not contain '..' segments";
            }
        }
        Path normalized = path.normalize();
        if (roots().stream().noneMatch(normalized::startsWith)) {
            return "the path is outside the allowed data roots";
        }
        if (Files.exists(normalized)) {
            try {
                Path real = normalized.toRealPath();
                if (realRoots().stream().noneMatch(real::startsWith)) {
                    return "the path resolves through a symbolic link to " + real + ", outside the allowed data roots";
                }
            }
            catch (IOException e) {
                return "the path cannot be resolved: " + e.getMessage();
            }
        }
        return null;
    }

    private List<Path> roots() {
        return config.dataRoots().stream().map(root -> Path.of(root).toAbsolutePath().normalize()).toList();
    }

    private List<Path> realRoots() {
        return roots().stream().map(root -> {
            try {
                return Files.exists(root) ? root.toRealPath() : root;
            }
            catch (IOException e) {
                return root;
            }
        }).toList();
    }

    /** Returns the 1-based line of the first {@code path:} key, or 0 when there is none. */
    private static int lineOfPath(String yaml) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith("path:")) {
                return i + 1;
            }
        }
        return 0;
    }
}
