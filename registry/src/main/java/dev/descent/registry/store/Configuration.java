package dev.descent.registry.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;

/**
 * A trial config without its seed: the unit that the leaderboard ranks. Results of one configuration differ only in
 * their seed, so their spread measures the seed's effect, and results of the same loss at different budgets belong
 * to different configurations.
 *
 * @param dataset the dataset name
 * @param encoder the encoder's name, or {@code null} for the raw-pixel baseline
 * @param pretext the pretext task, or {@code baseline}
 * @param loss the loss's canonical string, such as {@code huber(delta=0.1)}, or the baseline's name
 * @param training the pretext-training budget, or {@code null} for baselines that train nothing
 * @param probe the downstream evaluation settings
 */
public record Configuration(
        String dataset,
        String encoder,
        String pretext,
        String loss,
        TrainingSpec training,
        ProbeSpec probe) {

    /** Number of hex digits of the SHA-256 digest kept in an id: 64 bits, as in trial ids. */
    private static final int ID_HEX_DIGITS = 16;

    /** Returns the configuration of a trial config. */
    public static Configuration of(TrialConfig config) {
        return new Configuration(config.dataset(), config.encoder(), config.pretext(), config.loss(),
                config.training(), config.probe());
    }

    /** Returns this configuration with the pretext task removed, the unit of the rankings pooled over tasks. */
    public Configuration withoutPretext() {
        return new Configuration(dataset, encoder, null, loss, training, probe);
    }

    /** Returns the images that pretext training passes over: epochs x pretrainImages, or 0 without training. */
    public long trainingImages() {
        return training == null ? 0 : (long) training.epochs() * training.pretrainImages();
    }

    /**
     * Returns {@code c-} followed by the first 16 hex digits of the SHA-256 digest of the canonical JSON (sorted
     * keys, no whitespace). Equal configurations get equal ids in every registry instance.
     */
    public String id() {
        try {
            byte[] canonical = Json.canonical().writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return "c-" + HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise configuration " + this, e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java SE platform must provide", e);
        }
    }
}
