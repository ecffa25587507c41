package dev.descent.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.datasets.iterator.IteratorDataSetIterator;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.descent.bench.ReferenceModel;
import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.FashionMnist;
import dev.descent.worker.data.ImageSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures where one training step of each reference model spends its time: the forward and backward pass of every
 * layer, the loss, the Adam update and the batch building, next to the plain {@code fit()} time per batch.
 *
 * <p>For each model it warms up with {@code fit()}, times {@code fit()} and the batch building over the first
 * {@code images} training images in full batches, then runs the same batches through {@link ProfiledStep}. Set
 * {@code OMP_NUM_THREADS} to fix the thread count, as {@code bench/trainer-profile} does.
 */
@Command(name = "layer-profiler", mixinStandardHelpOptions = true,
        description = "Profiles DL4J training of the reference models per layer and phase.")
public final class LayerProfiler implements Callable<Integer> {

    private static final double LEARNING_RATE = 1e-3;
    private static final long SEED = 1;

    @Option(names = "--dataset", description = "Folder with the Fashion-MNIST IDX files (default: ${DEFAULT-VALUE}).")
    Path dataset = Path.of("/usr/share/datasets/fashion-mnist");

    @Option(names = "--images", description = "Training images per pass, used in full batches only "
            + "(default: ${DEFAULT-VALUE}).")
    int images = 5120;

    @Option(names = "--batch", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = 128;

    @Option(names = "--models", description = "Comma-separated model ids or 'all' (default: ${DEFAULT-VALUE}).")
    String models = "all";

    @Option(names = "--warmup", description = "fit() batches before timing (default: ${DEFAULT-VALUE}).")
    int warmup = 5;

    @Option(names = "--format", description = "Activation layout, NCHW or NHWC (default: ${DEFAULT-VALUE}).")
    CNN2DFormat format = CNN2DFormat.NCHW;

    @Option(names = "--workspace", description = "Workspace mode for training and inference, ENABLED or NONE "
            + "(default: ${DEFAULT-VALUE}).")
    WorkspaceMode workspaceMode = WorkspaceMode.ENABLED;

    @Option(names = "--helpers", description = "Layer types that keep their oneDNN helper: all, none, conv or pool "
            + "(default: ${DEFAULT-VALUE}).")
    String helpers = "all";

    @Option(names = "--cache-mode", description = "DL4J cache mode, NONE, HOST or DEVICE. Any but NONE keeps each "
            + "convolution's pre-activation for its backward pass. Without the option each model keeps its own, "
            + "DEVICE for all three, as in the worker.")
    CacheMode cacheMode;

    @Option(names = "--clock", description = "WALL (elapsed time) or CPU (the main thread's CPU time, meaningful with "
            + "OMP_NUM_THREADS=1 only) (default: ${DEFAULT-VALUE}).")
    StepClock clock = StepClock.WALL;

    @Option(names = "--fit-only", description = "Skip the per-layer pass and time fit() only.")
    boolean fitOnly;

    @Option(names = "--async", description = "Also time one pass of fit() over an AsyncDataSetIterator that builds "
            + "the batches on a prefetch thread.")
    boolean async;

    @Option(names = "--json", description = "File to write the results to as JSON.")
    Path json;

    /** Runs the profiler; see {@code --help} for the options. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new LayerProfiler()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (images < batchSize) {
            throw new IllegalArgumentException("--images " + images + " is smaller than --batch " + batchSize
                    + "; the profiler times full batches only");
        }
        TrainingVariant variant = new TrainingVariant(format, workspaceMode, helpers, cacheMode);
        String backend = Backend.initialise();
        ImageSet train = FashionMnist.load(dataset).train().slice(0, images);
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "default");
        System.out.printf(Locale.ROOT, "backend=%s images=%d batch=%d threads=%s variant=%s clock=%s%n", backend,
                images, batchSize, threads, variant.label(), clock);

        List<Map<String, Object>> records = new ArrayList<>();
        for (ReferenceModel model : selectedModels()) {
            records.add(profile(model, variant, train));
        }
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("side", "descent");
            document.put("backend", backend);
            document.put("threads", threads);
            document.put("images", images);
            document.put("batch", batchSize);
            document.put("variant", variant.label());
            document.put("clock", clock.name());
            document.put("models", records);
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), document);
        }
        return 0;
    }

    private List<ReferenceModel> selectedModels() {
        if (models.equals("all")) {
            return List.of(ReferenceModel.values());
        }
        List<ReferenceModel> selected = new ArrayList<>();
        for (String id : models.split(",")) {
            selected.add(ReferenceModel.byId(id.trim()));
        }
        return selected;
    }

    private Map<String, Object> profile(ReferenceModel model, TrainingVariant variant, ImageSet train) {
        MultiLayerNetwork network = variant.build(model, LEARNING_RATE, SEED);
        BatchSource source = new BatchSource(model, train, variant.format(), SEED);
        int batches = train.size() / batchSize;
        LayerTimings timings = new LayerTimings(network.getLayers().length);
        double[] loadBefore = loadAverage();

        for (int i = 0; i < warmup; i++) {
            DataSet batch = source.batch((i % batches) * batchSize, batchSize);
            network.fit(batch.getFeatures(), batch.getLabels());
        }
        for (int b = 0; b < batches; b++) {
            long start = clock.nanos();
            DataSet batch = source.batch(b * batchSize, batchSize);
            long built = clock.nanos();
            network.fit(batch.getFeatures(), batch.getLabels());
            timings.fitDataNanos += built - start;
            timings.fitNanos += clock.nanos() - built;
            timings.fitBatches++;
        }

        if (!fitOnly) {
            ProfiledStep step = new ProfiledStep(network, clock);
            LayerTimings discarded = new LayerTimings(timings.forwardNanos.length);
            for (int i = 0; i < 2; i++) {
                DataSet batch = source.batch(i * batchSize, batchSize);
                step.run(batch.getFeatures(), batch.getLabels(), discarded);
            }
            for (int b = 0; b < batches; b++) {
                long start = clock.nanos();
                DataSet batch = source.batch(b * batchSize, batchSize);
                timings.dataNanos += clock.nanos() - start;
                step.run(batch.getFeatures(), batch.getLabels(), timings);
            }
        }

        Double asyncMillis = async ? timeAsync(network, source, batches) : null;
        ProfileReport report = new ProfileReport(model, network, timings, batchSize, loadBefore, loadAverage());
        report.print(System.out, variant.label(), asyncMillis);
        return report.toJson(variant.label(), asyncMillis);
    }

    /**
     * Returns the elapsed milliseconds per batch of one fit() pass whose batches a prefetch thread builds. It reads
     * the wall clock whatever {@code --clock} is set to, because the CPU clock would miss the prefetch thread.
     */
    private double timeAsync(MultiLayerNetwork network, BatchSource source, int batches) {
        Iterator<DataSet> lazy = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public DataSet next() {
                return source.batch(batchSize * next++, batchSize);
            }
        };
        AsyncDataSetIterator iterator = new AsyncDataSetIterator(new IteratorDataSetIterator(lazy, batchSize), 2);
        long start = System.nanoTime();
        network.fit(iterator);
        return (System.nanoTime() - start) / 1e6 / batches;
    }

    /** Returns the 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or NaN where it is unreadable. */
    static double[] loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2])};
        }
        catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
