package org.pathwise.evaluation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the service starts, marks as failed the evaluation runs that a stop cut short: only the service runs them in the
 * background, so a command-line start leaves them alone.
 */
@Component
@ConditionalOnWebApplication
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final EvalRuns runs;
    private final Clock clock;

    InterruptedRuns(EvalRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        int failed = runs.failRunning("the application stopped before the run finished", clock.instant());
        if (failed > 0) {
            log.warn("Marked {} evaluation run(s) cut short by a stop as failed", failed);
        }
    }
}
