package org.pathwise.tools;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.pathwise.assistant.Answer;
import org.pathwise.assistant.AskResponse;
import org.pathwise.assistant.Interaction;
import org.pathwise.audit.AuditLog;
import org.pathwise.stats.Percentiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Measures what the audit log costs: the time an answer's record adds (each append in its own transaction, as when
 * the assistant stores an interaction), and the export of the whole log (time, rate, peak heap). The records are
 * synthetic but shaped like real ones: a question, an answer of about 60 words, five retrieved passages, three
 * citations with their passages, a verdict, time per stage.
 */
final class AuditBenchmark {

    /**
     * The figures.
     *
     * @param appends records appended one per transaction and timed, after {@value #WARM_UP} untimed ones
     * @param appendMs time per append, in milliseconds
     * @param records records in the log when it was exported
     * @param fillSeconds time to append the records beyond the timed ones, in batches of {@value #BATCH}
     * @param exportSeconds time to export every record as JSON Lines
     * @param exportRecordsPerS export rate
     * @param exportMegabytes size of the export
     * @param peakHeapMb the heap in use at its peak during the export, sampled every 5 ms (garbage included), after a
     *     garbage collection before it
     * @param maxHeapMb the largest heap the JVM may use ({@code -Xmx})
     */
    record Report(
            int appends,
            Percentiles appendMs,
            long records,
            double fillSeconds,
            double exportSeconds,
            double exportRecordsPerS,
            double exportMegabytes,
            double peakHeapMb,
            double maxHeapMb) {}

    static final int BATCH = 1000;

    private static final String ANSWER = "Captions help every student, not only those who are deaf or hard of hearing:"
            + " they support learners who study in a second language, in noisy places or with the sound off [1]."
            + " Write them from a transcript, check the automatic ones before publishing, and keep each caption to"
            + " two lines that stay on screen long enough to be read [2]. Describe relevant sounds as well [3].";

    private static final String PASSAGE = "Captions are the text version of the speech and other relevant sounds of a"
            + " video. They should be synchronised, accurate and complete, and they should identify the speakers when"
            + " that is not obvious. Automatic captions are a start, never an end: check names, technical terms and"
            + " numbers before publishing. ";

    private final AuditLog log;
    private final TransactionTemplate transactions;
    private final Consumer<String> progress;

    AuditBenchmark(AuditLog log, TransactionTemplate transactions, Consumer<String> progress) {
        this.log = log;
        this.transactions = transactions;
        this.progress = progress;
    }

    /** Appends made before the timed ones, so that the timed ones run compiled code (and are not counted). */
    static final int WARM_UP = 300;

    Report run(int appends, long total) throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            var interaction = interaction(-1 - i);
            transactions.executeWithoutResult(status -> log.recordInteraction(interaction, response(interaction)));
        }
        var times = new double[appends];
        for (int i = 0; i < appends; i++) {
            var interaction = interaction(i);
            var response = response(interaction);
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> log.recordInteraction(interaction, response));
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        progress.accept("appended " + appends + " records one per transaction");
        long fillStart = System.nanoTime();
        long written = appends + WARM_UP;
        while (written < total) {
            long from = written;
            int batch = (int) Math.min(BATCH, total - written);
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    var interaction = interaction(from + i);
                    log.recordInteraction(interaction, response(interaction));
                }
            });
            written += batch;
            if (written % 10_000 == 0) {
                progress.accept("appended " + written + " records");
            }
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        var counter = new CountingWriter();
        System.gc();
        var sampler = new HeapSampler();
        sampler.start();
        long exportStart = System.nanoTime();
        long exported = log.export(counter);
        double exportSeconds = (System.nanoTime() - exportStart) / 1e9;
        long peak = sampler.finish();
        return new Report(
                appends,
                Percentiles.of(times),
                exported,
                fillSeconds,
                exportSeconds,
                exported / exportSeconds,
                counter.chars / 1e6,
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    /** A synthetic interaction, different for every {@code i}. */
    static Interaction interaction(long i) {
        var at = Instant.parse("2026-01-05T09:00:00Z").plusSeconds(i);
        var question = "How should I caption the lecture videos of week " + (Math.floorMod(i, 52) + 1)
                + " for students who are deaf?";
        return new Interaction(
                UUID.randomUUID().toString(),
                UUID.randomUUID().toString(),
                "educator-" + Math.floorMod(i, 500),
                question,
                new Answer.Abstained("synthetic", List.of()),
                List.of(),
                List.of(
                        new Interaction.Retrieved("p-" + i + "-1", "inclusion/captions.md", 0.91),
                        new Interaction.Retrieved("p-" + i + "-2", "inclusion/video.md", 0.84),
                        new Interaction.Retrieved("p-" + i + "-3", "design/media.md", 0.77),
                        new Interaction.Retrieved("p-" + i + "-4", "design/slides.md", 0.61),
                        new Interaction.Retrieved("p-" + i + "-5", "assessment/rubrics.md", 0.42)),
                "extractive",
                "",
                "",
                "pathwise-default/1.0",
                Map.of(
                        "guardrails_input", 1L,
                        "retrieval", 38L,
                        "guardrails_retrieval", 2L,
                        "composition", 21L,
                        "guardrails_output", 9L),
                at,
                question,
                "en");
    }

    static AskResponse response(Interaction interaction) {
        var citations = List.of(
                citation(1, "inclusion/captions.md"),
                citation(2, "inclusion/video.md"),
                citation(3, "design/media.md"));
        return new AskResponse(
                interaction.id(),
                interaction.conversation(),
                "answered",
                ANSWER,
                citations,
                List.of(new AskResponse.VerdictView(
                        "unsupported-sentences",
                        "redact",
                        "one sentence no cited passage supports was removed",
                        "UNESCO Guidance for generative AI in education and research (2023)",
                        "low",
                        "")),
                List.of(),
                "",
                "This answer was written by an AI system from the library's passages.");
    }

    private static AskResponse.CitationView citation(int marker, String source) {
        return new AskResponse.CitationView(
                marker,
                source,
                "Captioning video",
                "Captions › Writing them",
                "#writing-them",
                "CC-BY-4.0",
                "\"Captioning video\" by Pathwise contributors, " + source + ", CC-BY-4.0",
                PASSAGE.repeat(3),
                0.9 - marker / 10.0,
                "d-" + marker,
                "p-" + marker,
                "en",
                List.of());
    }

    /** Samples the heap in use every few milliseconds (garbage not yet collected included) and keeps the peak. */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            super("audit-benchmark-heap");
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long finish() {
            running = false;
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }

    /** Counts what is written and keeps none of it. */
    private static final class CountingWriter extends Writer {
        long chars;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
        }

        @Override
        public void write(String text) {
            chars += text.length();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
