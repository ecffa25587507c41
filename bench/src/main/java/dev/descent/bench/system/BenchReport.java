package dev.descent.bench.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A benchmark's figures: each measured value beside its target, with the load average at the time, printed as a
 * table and written as JSON under {@code bench/target}. Not thread-safe.
 */
public final class BenchReport {

    private final String name;
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Map<String, Object>> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    /**
     * Starts a report.
     *
     * @param name the benchmark's name, also the JSON file's name
     * @param settings the run's parameters, recorded as given
     */
    public BenchReport(String name, Map<String, Object> settings) {
        this.name = name;
        root.put("benchmark", name);
        root.put("started_at", Instant.now().toString());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("load_average_at_start", LoadAverage.oneMinute());
        root.put("settings", settings);
    }

    /**
     * Records a figure with a target.
     *
     * @param figure what was measured, such as {@code ingest results/s (h2, 10000)}
     * @param measured the value
     * @param target the target value, or NaN when there is none
     * @param higherIsBetter whether the target is a minimum (true) or a maximum (false)
     * @param unit the unit, such as {@code ms}
     */
    public void figure(String figure, double measured, double target, boolean higherIsBetter, String unit) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure);
        row.put("measured", reported(measured));
        row.put("unit", unit);
        if (Double.isFinite(target)) {
            row.put("target", (higherIsBetter ? ">= " : "< ") + target);
            row.put("ratio_measured_to_target", reported(measured / target));
            row.put("met", higherIsBetter ? measured >= target : measured < target);
        }
        row.put("load_average", LoadAverage.oneMinute());
        figures.add(row);
        String verdict = "";
        if (row.containsKey("met")) {
            verdict = String.format("ratio %s, %s", format(measured / target),
                    (Boolean) row.get("met") ? "met" : "NOT MET");
        }
        System.out.printf("%-58s %12s %-9s %-16s %s  (load %.2f)%n", figure, format(measured), unit,
                row.getOrDefault("target", ""), verdict, (Double) row.get("load_average"));
    }

    /**
     * Returns a value as the report stores it: 2 decimals from 1 up, and 4 significant digits below 1, so that a
     * fraction such as an overhead of 0.0078 is not stored as 0.01.
     */
    static double reported(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1 || value == 0) {
            return Latencies.round(value);
        }
        return new BigDecimal(value).round(new MathContext(4)).doubleValue();
    }

    /** Records a figure without a target. */
    public void figure(String figure, double measured, String unit) {
        figure(figure, measured, Double.NaN, true, unit);
    }

    /** Adds a detail under {@code details} in the JSON, such as raw samples. */
    public void detail(String key, Object value) {
        details.put(key, value);
    }

    /** Writes {@code <folder>/<name>.json} and returns its path. */
    public Path write(Path folder) {
        root.put("finished_at", Instant.now().toString());
        root.put("load_average_at_end", LoadAverage.oneMinute());
        root.put("figures", figures);
        root.put("details", details);
        Path file = folder.resolve(name + ".json");
        try {
            Files.createDirectories(folder);
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), root);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file, e);
        }
        System.out.println("Wrote " + file);
        return file;
    }

    private static String format(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format("%.0f", value)
                : String.format("%.3f", value);
    }
}
