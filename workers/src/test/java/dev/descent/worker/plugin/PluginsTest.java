package dev.descent.worker.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.LossSchemas;

/** Loading plug-in jars from a folder, and the errors for folders and jars that cannot be loaded. */
class PluginsTest {

    private static final String SERVICES = "META-INF/services/dev.descent.plugin.LossPlugin";

    @TempDir
    Path folder;

    @AfterEach
    void builtInsOnly() {
        Plugins.load(Optional.empty());
    }

    @Test
    void droppedJarAddsItsLoss() throws IOException {
        jar("cube.jar", CubeLossPlugin.class.getName());

        Plugins.load(Optional.of(folder));

        assertTrue(Plugins.loss("cube").isPresent(), Plugins.lossNames().toString());
        assertTrue(Plugins.loss("l2").isPresent(), "built-ins stay: " + Plugins.lossNames());
        assertEquals("0.1", LossSchemas.lookup("cube").orElseThrow().version());
        WorkerCatalog catalog = Plugins.catalog("worker-1", "host", 30);
        assertTrue(catalog.losses().stream().anyMatch(loss -> loss.name().equals("cube")), catalog.toString());
    }

    @Test
    void missingFolderNamesTheSetting() {
        PluginException error = assertThrows(PluginException.class,
                () -> Plugins.load(Optional.of(folder.resolve("absent"))));

        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertTrue(error.getMessage().contains("descent.worker.plugins-dir"), error.getMessage());
    }

    @Test
    void twoPluginsWithOneNameNameBothSources() throws IOException {
        jar("a.jar", CubeLossPlugin.class.getName());
        jar("b.jar", CubeLossPlugin.Twin.class.getName());

        PluginException error = assertThrows(PluginException.class, () -> Plugins.load(Optional.of(folder)));

        assertTrue(error.getMessage().contains("'cube' is provided twice"), error.getMessage());
        assertTrue(error.getMessage().contains("remove one of the jars"), error.getMessage());
    }

    @Test
    void builtInNameIsRejected() throws IOException {
        jar("fake.jar", CubeLossPlugin.FakeL2.class.getName());

        PluginException error = assertThrows(PluginException.class, () -> Plugins.load(Optional.of(folder)));

        assertTrue(error.getMessage().contains("defines 'l2', which is built in"), error.getMessage());
    }

    @Test
    void twoVersionsOfOneJarAreRejected() throws IOException {
        jar("cube-1.0.jar", CubeLossPlugin.class.getName());
        jar("cube-2.0.jar", CubeLossPlugin.class.getName());

        PluginException error = assertThrows(PluginException.class, () -> Plugins.load(Optional.of(folder)));

        assertTrue(error.getMessage().contains("keep one version of the plug-in"), error.getMessage());
        assertTrue(error.getMessage().contains("cube-1.0.jar"), error.getMessage());
        assertTrue(error.getMessage().contains("cube-2.0.jar"), error.getMessage());
    }

    @Test
    void definitionThatSpecsCannotNameIsRejected() throws IOException {
        jar("spaced.jar", CubeLossPlugin.Spaced.class.getName());

        PluginException error = assertThrows(PluginException.class, () -> Plugins.load(Optional.of(folder)));

        assertTrue(error.getMessage().contains("invalid loss name 'Cube Loss!'"), error.getMessage());
    }

    @Test
    void missingPluginClassNamesTheServicesFile() throws IOException {
        jar("broken.jar", "com.example.Missing");

        PluginException error = assertThrows(PluginException.class, () -> Plugins.load(Optional.of(folder)));

        assertTrue(error.getMessage().contains("com.example.Missing"), error.getMessage());
        assertTrue(error.getMessage().contains("broken.jar"), error.getMessage());
        assertTrue(error.getMessage().contains("META-INF/services"), error.getMessage());
    }

    /** Writes a jar with only a services file that lists one provider class. */
    private void jar(String name, String provider) throws IOException {
        try (OutputStream file = Files.newOutputStream(folder.resolve(name));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry(SERVICES));
            jar.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
