package dev.descent.model.trial;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;

/** Derives deterministic trial ids from a trial's canonical config. */
public final class TrialIds {

    /** Hex characters kept from the SHA-256 digest: 64 bits, so a collision needs about 4 billion trials. */
    private static final int LENGTH = 16;

    private TrialIds() {
    }

    /**
     * Returns {@code t-} followed by the first 16 hex digits of the SHA-256 of the config's canonical JSON
     * (properties sorted by name, no whitespace).
     */
    public static String of(TrialConfig config) {
        return "t-" + HexFormat.of().formatHex(sha256(canonicalJson(config))).substring(0, LENGTH);
    }

    /** Returns the JSON text that the id hashes. */
    public static String canonicalJson(TrialConfig config) {
        try {
            return Json.canonical().writeValueAsString(config);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trial config " + config, e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256, which every Java SE platform must provide", e);
        }
    }
}
