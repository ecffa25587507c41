package dev.descent.worker.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Opens the jars of a plug-in folder in one class loader whose parent is the worker's own. */
final class PluginJars {

    private static final String SERVICES = "META-INF/services/";

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

    /**
     * Rejects jars that list the same provider class, such as two versions of one plug-in: the class loader would
     * silently load the first one only.
     *
     * @throws PluginException naming the class and both jars
     */
    static void checkDistinctProviders(List<Path> jars) {
        Map<String, Path> providers = new HashMap<>();
        for (Path jar : jars) {
            for (String provider : providers(jar)) {
                Path previous = providers.putIfAbsent(provider, jar);
                if (previous != null) {
                    throw new PluginException("plug-in class " + provider + " is in both " + previous + " and " + jar
                            + "; keep one version of the plug-in in the folder");
                }
            }
        }
    }

    /** Returns the provider classes that a jar's {@code META-INF/services} files list. */
    private static List<String> providers(Path jar) {
        List<String> providers = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (!entry.getName().startsWith(SERVICES) || entry.isDirectory()) {
                    continue;
                }
                String text = new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                text.lines().map(line -> line.replaceAll("#.*", "").trim()).filter(line -> !line.isEmpty())
                        .forEach(providers::add);
            }
        }
        catch (IOException e) {
            throw new PluginException("cannot read plug-in jar " + jar + ": " + e.getMessage() + "; replace the file "
                    + "with a valid jar", e);
        }
        return providers;
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
