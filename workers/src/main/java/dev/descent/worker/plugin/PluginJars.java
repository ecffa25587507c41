package dev.descent.worker.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Opens the jars of a plug-in folder in one class loader whose parent is the worker's own. */
final class PluginJars {

    private PluginJars() {
    }

    /** Returns the {@code .jar} files directly in a folder, sorted by name. */
    static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new PluginException("plug-in folder " + folder + " does not exist or is not a folder; create it, or"
                    + " unset descent.worker.plugins-dir");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list plug-in folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Returns a class loader over the jars; the worker's classes, the API and ND4J come from the parent. */
    static ClassLoader open(List<Path> jars, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            }
            catch (MalformedURLException e) {
                throw new PluginException("cannot open plug-in jar " + jar + ": " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("descent-plugins", urls.toArray(URL[]::new), parent);
    }
}
