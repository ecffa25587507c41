package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;

/**
 * Trains every kind of pretext head on a small RGB image folder that the test writes: pixel losses on colour images,
 * colorization with regression and with binned cross-entropy, the adversarial sum, and rotation with a class head.
 */
class ColourTrialTest {

    @TempDir
    static Path folder;

    /**
     * Two classes of 16x16 PNG images: reddish horizontal stripes and bluish vertical ones, with noise. The stripes
     * show in the luminance too, which is all that colorization's encoder reads.
     */
    @BeforeAll
    static void writeImages() throws IOException {
        Random random = new Random(5);
        for (String split : new String[] {"train", "test"}) {
            for (int label = 0; label < 2; label++) {
                Path classFolder = Files.createDirectories(folder.resolve(split).resolve("class-" + label));
                int count = split.equals("train") ? 60 : 20;
                for (int index = 0; index < count; index++) {
                    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
                    for (int row = 0; row < 16; row++) {
                        for (int column = 0; column < 16; column++) {
                            boolean stripe = ((label == 0 ? row : column) / 2) % 2 == 0;
                            int bright = stripe ? 190 + random.nextInt(60) : random.nextInt(50);
                            int tint = bright * 3 / 5;
                            int rgb = label == 0 ? (bright << 16) | (tint << 8) | tint
                                    : (tint << 16) | (tint << 8) | bright;
                            image.setRGB(column, row, rgb);
                        }
                    }
                    ImageIO.write(image, "png", classFolder.resolve(index + ".png").toFile());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "inpainting-random; l2",
            "super-resolution; huber(delta=0.1)",
            "colorization; l1",
            "colorization; binned-ce(bins=8.0,rebalance=0.5)",
            "denoising-salt-pepper; sum(1.0*l2,0.01*adversarial)",
            "rotation; ce"})
    void trainsAndProbesColourImages(String pretext, String loss) {
        String dataset = "image-folder:" + folder.toAbsolutePath().normalize() + "@16";
        TrialConfig config = new TrialConfig(dataset, "conv-ae-v1", pretext, loss, 3,
                new TrainingSpec(2, 16, 1e-3, 60), new ProbeSpec(40, 40, 5, 5, 20));

        TrialOutcome outcome = new TrialRunner().run("colour-" + pretext, config, folder, progress(), () -> false);

        assertTrue(Double.isFinite(outcome.finalPretextLoss()), pretext + "/" + loss + ": " + outcome);
        assertTrue(outcome.linearProbeAccuracy() <= 1, outcome.toString());
        // Stripes of two orientations and colours are easy to tell apart, from any encoder.
        assertTrue(outcome.linearProbeAccuracy() > 0.6, pretext + "/" + loss + ": " + outcome.linearProbeAccuracy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"rotation; l2", "inpainting; ce"})
    void incompatibleLossFailsTheTrialWithBothNames(String pretext, String loss) {
        String dataset = "image-folder:" + folder.toAbsolutePath().normalize() + "@16";
        TrialConfig config = new TrialConfig(dataset, "conv-ae-v1", pretext, loss, 3,
                new TrainingSpec(1, 16, 1e-3, 60), new ProbeSpec(40, 40, 5, 5, 20));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TrialRunner().run("bad-" + pretext, config, folder, progress(), () -> false));

        assertTrue(error.getMessage().contains("loss '" + loss + "' cannot train"), error.toString());
    }

    private static TrialProgressListener progress() {
        return new TrialProgressListener() {
        };
    }
}
