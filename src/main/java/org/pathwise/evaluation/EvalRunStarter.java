package org.pathwise.evaluation;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts evaluation runs for the API and the pages: one at a time, on one background thread, each stored by
 * {@link Evaluations} exactly as the {@code eval} command stores its runs. While it runs, its row in
 * {@code eval_run_start} says how many questions it has asked; it ends {@code done} (the run is stored under the same
 * id) or {@code failed} with the reason. A run still marked running when the application starts was cut short by a
 * stop, and is marked failed then: the embedded database serves one process at a time.
 */
@Component
class EvalRunStarter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvalRunStarter.class);

    /** Another run is still running: one runs at a time. */
    static final class AlreadyRunning extends RuntimeException {

        private final EvalRuns.Started running;

        AlreadyRunning(EvalRuns.Started running) {
            super("the evaluation run " + running.id() + " is still running (" + running.asked() + " of "
                    + running.questions() + " questions asked); start another when it has finished");
            this.running = running;
        }

        EvalRuns.Started running() {
            return running;
        }
    }

    private final Evaluations evaluations;
    private final EvalRuns runs;
    private final java.nio.file.Path reportDir;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("pathwise-eval").daemon(true).factory());

    /**
     * @param reportDir where runs write their report folders, as {@code eval --report-dir} does
     *     ({@code pathwise.evaluation.report-dir}; {@code pathwise.audit.report-dir}, its older name, is still read)
     */
    EvalRunStarter(
            Evaluations evaluations,
            EvalRuns runs,
            @Value("${pathwise.evaluation.report-dir:${pathwise.audit.report-dir:eval/reports}}")
                    java.nio.file.Path reportDir,
            Clock clock) {
        this.evaluations = evaluations;
        this.runs = runs;
        this.reportDir = reportDir;
        this.clock = clock;
    }

    /**
     * Starts a run of a question set, checked already, and returns at once.
     *
     * @param limit only the first questions, or {@code null} for all
     * @param user who started it
     * @throws AlreadyRunning when a run is still running
     * @throws IllegalArgumentException when the limit is below 1
     */
    synchronized EvalRuns.Started start(QuestionSet set, Integer limit, String user) {
        int questions = set.first(limit).size();
        var running = runs.running();
        if (running.isPresent()) {
            throw new AlreadyRunning(running.get());
        }
        var id = evaluations.newId(set, taken -> runs.findStarted(taken).isPresent());
        var started = new EvalRuns.Started(
                id, set.name(), user, clock.instant(), null, EvalRuns.Started.RUNNING, null, questions, 0);
        runs.insertStarted(started);
        executor.execute(() -> execute(id, set, limit));
        return started;
    }

    private void execute(String id, QuestionSet set, Integer limit) {
        try {
            evaluations.run(id, set, limit, reportDir, (asked, of) -> runs.progress(id, asked));
            runs.finish(id, EvalRuns.Started.DONE, null, clock.instant());
            log.info("Evaluation run {} of {} is done", id, set.name());
        } catch (RuntimeException | Error e) {
            var reason = e.getMessage() == null ? e.toString() : e.getMessage();
            log.warn("Evaluation run {} of {} failed: {}", id, set.name(), reason, e);
            runs.finish(id, EvalRuns.Started.FAILED, reason, clock.instant());
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
