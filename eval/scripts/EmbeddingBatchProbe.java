import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whether a BERT-style ONNX embedding model embeds faster one sequence per inference, one inference per core side by
 * side (as Pathwise and LangChain4j's default run it), or many sequences per inference (a batch) on all cores. Token
 * ids are drawn at random: the time an inference takes depends on the sequences' length, not on their words.
 *
 * <pre>
 * java -cp ~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar \
 *     eval/scripts/EmbeddingBatchProbe.java MODEL.onnx 24 48 128 256
 * </pre>
 *
 * For each length it prints sequences per second three times over: side by side, then batches of 1 to 32.
 */
public class EmbeddingBatchProbe {

    private static final int SEQUENCES = 96;
    private static final int[] BATCHES = {1, 4, 8, 16, 32};

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddingBatchProbe MODEL.onnx LENGTH...");
            System.exit(2);
        }
        var env = OrtEnvironment.getEnvironment();
        int cores = Runtime.getRuntime().availableProcessors();
        try (var perCore = session(env, args[0], 1);
                var whole = session(env, args[0], cores)) {
            var pool = Executors.newFixedThreadPool(cores);
            try {
                for (int a = 1; a < args.length; a++) {
                    int length = Integer.parseInt(args[a]);
                    var ids = tokens(length);
                    for (int round = 0; round < 3; round++) {
                        long start = System.nanoTime();
                        var futures = new ArrayList<Future<?>>();
                        for (var sequence : ids) {
                            futures.add(pool.submit(() -> {
                                infer(env, perCore, new long[][] {sequence});
                                return null;
                            }));
                        }
                        for (var future : futures) {
                            future.get();
                        }
                        var line = new StringBuilder(String.format(
                                Locale.ROOT, "length %d: side by side %.1f/s", length, rate(start)));
                        for (int batch : BATCHES) {
                            start = System.nanoTime();
                            for (int i = 0; i < ids.length; i += batch) {
                                infer(env, whole, Arrays.copyOfRange(ids, i, Math.min(ids.length, i + batch)));
                            }
                            line.append(String.format(Locale.ROOT, ", batch %d %.1f/s", batch, rate(start)));
                        }
                        System.out.println(line);
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static OrtSession session(OrtEnvironment env, String model, int threads) throws Exception {
        var options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        return env.createSession(model, options);
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

    private static double rate(long start) {
        return SEQUENCES / ((System.nanoTime() - start) / 1e9);
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
