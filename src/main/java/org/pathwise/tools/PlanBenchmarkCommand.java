package org.pathwise.tools;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.pathwise.CliCommand;
import org.pathwise.pathways.Pathways;
import org.pathwise.stats.Percentiles;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise plan-benchmark [--courses N] [--profiles N] [--cohort N] [--seed S] [--json]}: generates a seeded
 * catalogue, times single plans over random profiles (after a warm-up) and one cohort plan, and reports the
 * latency percentiles, how many plans were proven optimal and the largest gap to the lower bound.
 */
@Component
@Command(
        mixinStandardHelpOptions = true,
        name = "plan-benchmark",
        description = "Time the path planner on a generated catalogue and cohort.")
final class PlanBenchmarkCommand implements CliCommand {

    @Option(names = "--courses", defaultValue = "2000", paramLabel = "N", description = "Catalogue size (2000).")
    int courses;

    @Option(names = "--profiles", defaultValue = "300", paramLabel = "N", description = "Timed plans (300).")
    int profiles;

    @Option(names = "--cohort", defaultValue = "1000", paramLabel = "N", description = "Cohort size (1000).")
    int cohort;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (42).")
    long seed;

    @Option(
            names = "--node-budget",
            paramLabel = "N",
            description = "Search nodes per plan on a large catalogue (default: the planner's).")
    long nodeBudget = Pathways.Workbench.defaultNodeBudget();

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        if (courses < 1 || profiles < 1 || cohort < 1 || nodeBudget < 1) {
            err.println(
                    "pathwise plan-benchmark: --courses, --profiles, --cohort and --node-budget must be at least 1");
            return USAGE;
        }
        var generator = new CatalogueGenerator(Pathways.Workbench.competences());
        var workbench = Pathways.Workbench.of(CatalogueGenerator.json(generator.courses(seed, courses)), nodeBudget);
        var random = new Random(seed + 1);
        for (int i = 0; i < 50; i++) {
            workbench.plan(workbench.educator(generator.profile(random)));
        }
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        var millis = new double[profiles];
        var cpuMillis = new double[profiles];
        int optimal = 0;
        int partial = 0;
        double maxGap = 0;
        double gapSum = 0;
        double hoursSum = 0;
        var plans = new StringBuilder();
        for (int i = 0; i < profiles; i++) {
            var educator = workbench.educator(generator.profile(random));
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            var plan = workbench.plan(educator);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            optimal += plan.optimal() ? 1 : 0;
            partial += plan.reachesEveryTarget() ? 0 : 1;
            maxGap = Math.max(maxGap, plan.gapHours());
            gapSum += plan.gapHours();
            hoursSum += plan.totalHours();
            plan.courses().forEach(id -> plans.append(id).append(' '));
            plans.append('\n');
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        var members = new ArrayList<Pathways.Workbench.Educator>();
        for (int i = 0; i < cohort; i++) {
            members.add(workbench.educator(generator.profile(random)));
        }
        var cpuBefore = processCpuNanos();
        long cohortStart = System.nanoTime();
        var result = workbench.cohort(members);
        double cohortSeconds = (System.nanoTime() - cohortStart) / 1e9;
        double cohortCpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;

        var report = new LinkedHashMap<String, Object>();
        report.put("courses", courses);
        report.put("profiles", profiles);
        report.put("seed", seed);
        report.put("plan_ms_p50", round(Percentiles.percentile(millis, 50)));
        report.put("plan_ms_p95", round(Percentiles.percentile(millis, 95)));
        report.put("plan_ms_max", round(millis[millis.length - 1]));
        report.put("plan_cpu_ms_p50", round(Percentiles.percentile(cpuMillis, 50)));
        report.put("plan_cpu_ms_p95", round(Percentiles.percentile(cpuMillis, 95)));
        report.put("node_budget", nodeBudget);
        report.put("optimal_plans", optimal);
        report.put("partial_plans", partial);
        report.put("mean_hours", round(hoursSum / profiles));
        // the same digest on two machines, or under taskset, means the same plans
        report.put("plans_sha256", sha256(plans.toString()).substring(0, 16));
        report.put("mean_gap_hours", round(gapSum / profiles));
        report.put("max_gap_hours", round(maxGap));
        report.put("cohort", cohort);
        report.put("cohort_seconds", round(cohortSeconds));
        report.put("cohort_cpu_seconds", round(cohortCpuSeconds));
        report.put(
                "load_average",
                round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage()));
        report.put("cohort_courses_to_run", result.coursesToRun());
        report.put("cohort_learner_hours", round(result.learnerHours()));
        report.put("threads", Runtime.getRuntime().availableProcessors());
        if (json) {
            out.println(CliCommand.json(report));
        } else {
            print(report, out);
        }
        return OK;
    }

    private static void print(Map<String, Object> r, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "Catalogue: %s generated courses (seed %s); %s timed plans after a warm-up of 50.%n",
                r.get("courses"),
                r.get("seed"),
                r.get("profiles"));
        out.printf(
                Locale.ROOT,
                "Plan latency: p50 %s ms, p95 %s ms, max %s ms (target p95 <= 200 ms); CPU time p50 %s ms, p95 %s"
                        + " ms.%n",
                r.get("plan_ms_p50"),
                r.get("plan_ms_p95"),
                r.get("plan_ms_max"),
                r.get("plan_cpu_ms_p50"),
                r.get("plan_cpu_ms_p95"));
        out.printf(
                Locale.ROOT,
                "Optimal (proven): %s of %s; gap to the lower bound: mean %s h, max %s h; %s plans leave a target"
                        + " unreached; mean plan %s h.%n",
                r.get("optimal_plans"),
                r.get("profiles"),
                r.get("mean_gap_hours"),
                r.get("max_gap_hours"),
                r.get("partial_plans"),
                r.get("mean_hours"));
        out.printf(
                Locale.ROOT,
                "Cohort of %s educators: %s s on %s processors, %s s of CPU (target <= 5 s); %s courses to run, %s"
                        + " learner hours. System load average %s.%n",
                r.get("cohort"),
                r.get("cohort_seconds"),
                r.get("threads"),
                r.get("cohort_cpu_seconds"),
                r.get("cohort_courses_to_run"),
                r.get("cohort_learner_hours"),
                r.get("load_average"));
    }

    /** The CPU time the whole process has used, in nanoseconds, or 0 when the platform does not say. */
    private static long processCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(0L);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String sha256(String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
