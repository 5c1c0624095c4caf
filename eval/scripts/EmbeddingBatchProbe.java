import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast a BERT-style ONNX embedding model embeds sequences of a given length under four schedules:
 *
 * <ul>
 *   <li>{@code default}: one sequence per inference, one inference per core side by side, on a session created with
 *       ONNX Runtime's default options (as LangChain4j creates it, and as Pathwise's {@code Embedder} runs it);
 *   <li>{@code 1-thread}: the same on a session limited to one thread per inference;
 *   <li>{@code batch B}: B sequences per inference, one inference at a time, on the default session;
 *   <li>{@code batches B side by side}: B sequences per inference, one inference per core, on the default session.
 * </ul>
 *
 * Token ids are drawn at random: the time an inference takes depends on the sequences' length, not on their words.
 * Every schedule runs once untimed, then three times; the median of the three is printed, in sequences a second.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar \
 *     eval/scripts/EmbeddingBatchProbe.java MODEL.onnx 24 48 128 256
 * </pre>
 */
public class EmbeddingBatchProbe {

    private static final int SEQUENCES = 96;
    private static final int[] BATCHES = {4, 8, 16, 32};

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddingBatchProbe MODEL.onnx LENGTH...");
            System.exit(2);
        }
        var env = OrtEnvironment.getEnvironment();
        int cores = Runtime.getRuntime().availableProcessors();
        var pool = Executors.newFixedThreadPool(cores);
        try (var defaults = new OrtSession.SessionOptions();
                var oneThread = new OrtSession.SessionOptions()) {
            oneThread.setIntraOpNumThreads(1);
            try (var standard = env.createSession(args[0], defaults);
                    var single = env.createSession(args[0], oneThread)) {
                for (int a = 1; a < args.length; a++) {
                    int length = Integer.parseInt(args[a]);
                    var ids = tokens(length);
                    var line = new StringBuilder(String.format(Locale.ROOT, "length %d:", length));
                    line.append(measure("default", () -> sideBySide(pool, env, standard, ids, 1)));
                    line.append(measure("1-thread", () -> sideBySide(pool, env, single, ids, 1)));
                    for (int batch : BATCHES) {
                        line.append(measure("batch " + batch, () -> oneAtATime(env, standard, ids, batch)));
                    }
                    for (int batch : BATCHES) {
                        line.append(measure(
                                "batches " + batch + " side by side", () -> sideBySide(pool, env, standard, ids, batch)));
                    }
                    System.out.println(line);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    interface Schedule {
        void run() throws Exception;
    }

    /** One untimed run, then the median rate of three. */
    private static String measure(String name, Schedule schedule) throws Exception {
        schedule.run();
        var rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            long start = System.nanoTime();
            schedule.run();
            rates[i] = SEQUENCES / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return String.format(Locale.ROOT, " %s %.1f/s;", name, rates[1]);
    }

    private static void oneAtATime(OrtEnvironment env, OrtSession session, long[][] ids, int batch) throws Exception {
        for (int i = 0; i < ids.length; i += batch) {
            infer(env, session, Arrays.copyOfRange(ids, i, Math.min(ids.length, i + batch)));
        }
    }

    private static void sideBySide(ExecutorService pool, OrtEnvironment env, OrtSession session, long[][] ids, int batch)
            throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < ids.length; i += batch) {
            var part = Arrays.copyOfRange(ids, i, Math.min(ids.length, i + batch));
            futures.add(pool.submit(() -> {
                infer(env, session, part);
                return null;
            }));
        }
        for (var future : futures) {
            future.get();
        }
    }

    /** Sequences of random word pieces between [CLS] and [SEP], seeded. */
    private static long[][] tokens(int length) {
        var random = new Random(1);
        var ids = new long[SEQUENCES][length];
        for (var sequence : ids) {
            sequence[0] = 101;
            for (int i = 1; i < length - 1; i++) {
                sequence[i] = 1_000 + random.nextInt(20_000);
            }
            sequence[length - 1] = 102;
        }
        return ids;
    }

    private static void infer(OrtEnvironment env, OrtSession session, long[][] ids) throws Exception {
        var mask = new long[ids.length][ids[0].length];
        for (var row : mask) {
            Arrays.fill(row, 1);
        }
        var types = new long[ids.length][ids[0].length];
        try (var input = OnnxTensor.createTensor(env, ids);
                var attention = OnnxTensor.createTensor(env, mask);
                var segments = OnnxTensor.createTensor(env, types);
                var result = session.run(
                        Map.of("input_ids", input, "attention_mask", attention, "token_type_ids", segments))) {
            // only the time counts
        }
    }
}
