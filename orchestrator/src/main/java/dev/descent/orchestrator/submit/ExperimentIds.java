package dev.descent.orchestrator.submit;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Creates experiment ids: {@code e-} + the UTC time as {@code yyyyMMdd-HHmmss} + {@code -} + 6 random hex digits. */
public final class ExperimentIds {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExperimentIds() {
    }

    /** Returns a new id for an experiment created at {@code createdAt}, such as {@code e-20261204-171500-3fa2c1}. */
    public static String create(Instant createdAt) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return "e-" + TIMESTAMP.format(createdAt) + "-" + HexFormat.of().formatHex(suffix);
    }
}
