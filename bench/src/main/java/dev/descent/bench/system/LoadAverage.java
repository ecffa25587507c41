package dev.descent.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the 1-minute load average, which every figure is quoted with because the machine is shared. */
public final class LoadAverage {

    private LoadAverage() {
    }

    /** Returns the 1-minute load average from {@code /proc/loadavg}, or NaN where the file cannot be read. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
