package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.pathwise.CliCommand;
import tools.jackson.databind.json.JsonMapper;

class PlanBenchmarkCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(int courses, int profiles, int cohort) {
        var command = new PlanBenchmarkCommand();
        command.courses = courses;
        command.profiles = profiles;
        command.cohort = cohort;
        command.seed = 3;
        command.json = true;
        return command.run(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void reportsLatencyPercentilesOptimalityAndTheCohortTimeOnASmallRun() throws Exception {
        assertThat(run(300, 10, 20)).isZero();

        var report = JsonMapper.builder().build().readTree(out.toString());
        assertThat(report.get("courses").asInt()).isEqualTo(300);
        assertThat(report.get("plan_ms_p50").asDouble()).isPositive();
        assertThat(report.get("plan_ms_p95").asDouble())
                .isGreaterThanOrEqualTo(report.get("plan_ms_p50").asDouble());
        assertThat(report.get("optimal_plans").asInt()).isBetween(0, 10);
        assertThat(report.get("cohort").asInt()).isEqualTo(20);
        assertThat(report.get("cohort_courses_to_run").asInt()).isPositive();
    }

    @Test
    void aSizeBelowOneIsAUsageError() {
        assertThat(run(0, 10, 10)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString()).contains("must be at least 1");
    }
}
