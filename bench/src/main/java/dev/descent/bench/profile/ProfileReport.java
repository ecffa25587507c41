package dev.descent.bench.profile;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import dev.descent.bench.ReferenceModel;

/**
 * Prints one model's {@link LayerTimings} as a table in milliseconds per batch and converts it to the JSON record
 * that {@code bench/trainer-profile} compares with the PyTorch side.
 */
final class ProfileReport {

    private static final double NANOS_PER_MILLI = 1e6;

    private final ReferenceModel model;
    private final MultiLayerNetwork network;
    private final LayerTimings timings;
    private final int batchSize;
    private final double[] loadBefore;
    private final double[] loadAfter;

    ProfileReport(ReferenceModel model, MultiLayerNetwork network, LayerTimings timings, int batchSize,
                  double[] loadBefore, double[] loadAfter) {
        this.model = model;
        this.network = network;
        this.timings = timings;
        this.batchSize = batchSize;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    /** Prints the table: one row per layer, then loss, updater, data, the profiled total and the fit() figures. */
    void print(PrintStream out, String variant, Double asyncMillisPerBatch) {
        out.printf(Locale.ROOT, "%nmodel=%s variant=%s batch=%d fit_batches=%d profiled_batches=%d"
                        + " load_before=%.2f load_after=%.2f%n", model.id(), variant, batchSize, timings.fitBatches,
                timings.profiledBatches, loadBefore[0], loadAfter[0]);
        double total = perBatch(timings.profiledTotalNanos(), timings.profiledBatches);
        out.printf(Locale.ROOT, "%2s  %-17s %-38s %-16s %-24s %9s %9s %7s%n", "#", "layer", "detail", "output",
                "helper", "fwd ms", "bwd ms", "%");
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            double forward = perBatch(timings.forwardNanos[i], timings.profiledBatches);
            double backward = perBatch(timings.backwardNanos[i], timings.profiledBatches);
            out.printf(Locale.ROOT, "%2d  %-17s %-38s %-16s %-24s %9.2f %9.2f %7.1f%n", i,
                    LayerDescriptions.type(layers[i]), LayerDescriptions.detail(layers[i]),
                    LayerDescriptions.shape(timings.outputShapes[i]), LayerDescriptions.helper(layers[i]), forward,
                    backward, 100 * (forward + backward) / total);
        }
        row(out, "loss (computeScore)", perBatch(timings.lossNanos, timings.profiledBatches), total);
        row(out, "updater (Adam + params -= update)", perBatch(timings.updaterNanos, timings.profiledBatches), total);
        row(out, "data (copy, corrupt, Nd4j.create)", perBatch(timings.dataNanos, timings.profiledBatches), total);
        row(out, "profiled total", total, total);
        double fit = perBatch(timings.fitNanos, timings.fitBatches);
        double fitData = perBatch(timings.fitDataNanos, timings.fitBatches);
        out.printf(Locale.ROOT, "    fit() per batch %.2f ms + data %.2f ms = %.1f images/s%n", fit, fitData,
                1000.0 * batchSize / (fit + fitData));
        if (asyncMillisPerBatch != null) {
            out.printf(Locale.ROOT, "    fit(AsyncDataSetIterator) per batch, data included: %.2f ms = %.1f images/s%n",
                    asyncMillisPerBatch, 1000.0 * batchSize / asyncMillisPerBatch);
        }
    }

    /** Returns the JSON record of this model: per-layer rows and the phase totals, all in ms per batch. */
    Map<String, Object> toJson(String variant, Double asyncMillisPerBatch) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", i);
            row.put("type", LayerDescriptions.type(layers[i]));
            row.put("detail", LayerDescriptions.detail(layers[i]));
            row.put("output_shape", LayerDescriptions.shape(timings.outputShapes[i]));
            row.put("helper", LayerDescriptions.helper(layers[i]));
            row.put("forward_ms", perBatch(timings.forwardNanos[i], timings.profiledBatches));
            row.put("backward_ms", perBatch(timings.backwardNanos[i], timings.profiledBatches));
            rows.add(row);
        }

        Map<String, Object> record = new LinkedHashMap<>();
        record.put("model", model.id());
        record.put("variant", variant);
        record.put("batch", batchSize);
        record.put("fit_batches", timings.fitBatches);
        record.put("profiled_batches", timings.profiledBatches);
        record.put("load_before", loadBefore);
        record.put("load_after", loadAfter);
        record.put("layers", rows);

        record.put("loss_ms", perBatch(timings.lossNanos, timings.profiledBatches));
        record.put("updater_ms", perBatch(timings.updaterNanos, timings.profiledBatches));
        record.put("data_ms", perBatch(timings.dataNanos, timings.profiledBatches));
        record.put("profiled_total_ms", perBatch(timings.profiledTotalNanos(), timings.profiledBatches));
        double fit = perBatch(timings.fitNanos, timings.fitBatches);
        double fitData = perBatch(timings.fitDataNanos, timings.fitBatches);
        record.put("fit_ms", fit);
        record.put("fit_data_ms", fitData);
        record.put("fit_images_per_second", 1000.0 * batchSize / (fit + fitData));
        if (asyncMillisPerBatch != null) {
            record.put("async_fit_ms", asyncMillisPerBatch);
        }
        return record;
    }

    private static void row(PrintStream out, String name, double millis, double total) {
        out.printf(Locale.ROOT, "    %-97s %9.2f %9s %7.1f%n", name, millis, "", 100 * millis / total);
    }

    private static double perBatch(long nanos, int batches) {
        return batches == 0 ? Double.NaN : nanos / NANOS_PER_MILLI / batches;
    }
}
