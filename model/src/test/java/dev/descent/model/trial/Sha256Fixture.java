package dev.descent.model.trial;

/** A digest computed outside Java, so the trial-id test does not check the code against itself. */
final class Sha256Fixture {

    /** The first 16 hex digits of the SHA-256 of the canonical JSON in {@code TrialExpanderTest}. */
    static final String FIRST_16_HEX = "c2455e53b6cba395";

    private Sha256Fixture() {
    }
}
