package org.pathwise.pathways;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.pathwise.CliCommand;
import org.pathwise.retrieval.Search;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pathwise plan --profile <file.yaml> [--catalogue <file>] [--json]}: the learning path for a profile, over
 * the bundled sample catalogue or a catalogue file (CSV, JSON or YAML). Each step lists library documents about its
 * course ({@link PlanDocuments}) when the data directory holds a library.
 */
@Component
@Command(mixinStandardHelpOptions = true, name = "plan", description = "Plan a learning path for a competency profile.")
final class PlanCommand implements CliCommand {

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The profile (YAML).")
    Path profile;

    @Option(
            names = "--catalogue",
            paramLabel = "FILE",
            description = "A course catalogue (CSV, JSON or YAML); the bundled sample catalogue by default.")
    Path catalogue;

    @Option(names = "--json", description = "Print the plan as one line of JSON.")
    boolean json;

    private final ObjectProvider<Search> searchProvider;
    private final Environment environment;

    PlanCommand(ObjectProvider<Search> searchProvider, Environment environment) {
        this.searchProvider = searchProvider;
        this.environment = environment;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err) {
        for (var file : catalogue == null ? new Path[] {profile} : new Path[] {profile, catalogue}) {
            if (!Files.isRegularFile(file)) {
                err.println("pathwise plan: " + file + " is not a file; give an existing "
                        + (file == profile ? "profile (YAML)" : "catalogue (CSV, JSON or YAML)"));
                return USAGE;
            }
        }
        var bundled = Bundled.get();
        Profile read;
        Catalogue courses;
        Plan plan;
        try {
            read = ProfileYaml.parse(
                    text(profile), profile.getFileName().toString(), bundled.frameworks, bundled.roles);
            courses = catalogue == null ? bundled.sampleCatalogue : readCatalogue(catalogue, bundled);
            plan = new Planner(bundled.frameworks.digCompEdu()).plan(read, courses);
        } catch (InvalidInputException | IllegalArgumentException e) {
            err.println("pathwise plan: " + e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("pathwise plan: can't read " + e.getMessage());
            return FAILED;
        }
        plan = withDocuments(plan, bundled.frameworks.digCompEdu());
        if (json) {
            out.println(CliCommand.json(PlanView.of(plan)));
        } else {
            print(plan, read, out);
        }
        return OK;
    }

    private static Catalogue readCatalogue(Path file, Bundled bundled) throws IOException {
        var content = text(file);
        var name = file.getFileName().toString();
        var report = new CatalogueImport(Bundled.competenceIds(bundled.frameworks.digCompEdu()))
                .read(content, CatalogueImport.Format.of(name, content), name, Set.of());
        if (!report.rejected().isEmpty()) {
            var first = report.rejected().getFirst();
            throw new InvalidInputException(
                    name,
                    first.line(),
                    "row " + first.row() + ": " + first.reason()
                            + (report.rejected().size() > 1
                                    ? " (and " + (report.rejected().size() - 1) + " more bad rows)"
                                    : ""));
        }
        return new Catalogue(report.imported());
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Documents come from the library only when the data directory has an index: planning never creates one. */
    private Plan withDocuments(Plan plan, Framework framework) {
        if (plan.steps().isEmpty()) {
            return plan;
        }
        var dataDir = environment.getProperty("pathwise.data-dir");
        if (dataDir == null || !Files.isDirectory(Path.of(dataDir).resolve("index"))) {
            return plan;
        }
        try {
            return new PlanDocuments(searchProvider.getObject(), framework).attach(plan);
        } catch (RuntimeException e) {
            return plan;
        }
    }

    static void print(Plan plan, Profile profile, PrintWriter out) {
        if (plan.steps().isEmpty()) {
            out.println(
                    plan.unreachable().isEmpty()
                            ? "Every target is already reached: nothing to take."
                            : "No course can be planned.");
        } else {
            out.printf(
                    Locale.ROOT,
                    "Learning path: %d course%s, %s h, %d week%s at %s h a week%s.%n",
                    plan.steps().size(),
                    plan.steps().size() == 1 ? "" : "s",
                    Planner.hours(plan.totalHours()),
                    plan.weeks(),
                    plan.weeks() == 1 ? "" : "s",
                    Planner.hours(profile.hoursPerWeek()),
                    plan.optimal()
                            ? " (optimal)"
                            : " (within " + Planner.hours(plan.gapHours()) + " h of the lower bound)");
        }
        int number = 1;
        for (var step : plan.steps()) {
            var course = step.course();
            out.printf(
                    Locale.ROOT,
                    "%n%2d. week %s  %s  %s  (%s h, %s, %s)%n",
                    number++,
                    step.week() == step.endWeek() ? String.valueOf(step.week()) : step.week() + "-" + step.endWeek(),
                    course.id(),
                    course.title(),
                    Planner.hours(course.hours()),
                    course.delivery().label(),
                    String.join("/", course.languages()));
            for (var gap : step.closes()) {
                out.printf(
                        "    closes  %s %s: %s -> %s%s%n",
                        gap.competence(),
                        gap.title(),
                        gap.from(),
                        gap.to(),
                        gap.target() == null ? "" : " (target " + gap.target() + ")");
            }
            out.println("    why     " + PlanText.ENGLISH.write(step.reason()));
            out.println("    order   " + PlanText.ENGLISH.write(step.before()));
            out.println("    choice  " + PlanText.ENGLISH.write(step.alternative()));
            for (var document : step.documents()) {
                out.println("    read    " + document.source() + " (" + document.title() + ")");
            }
        }
        if (!plan.unreachable().isEmpty()) {
            out.println();
            out.println("Not reached:");
            for (var u : plan.unreachable()) {
                out.printf(
                        "  %s %s: target %s, reaches %s: %s%n",
                        u.competence(), u.title(), u.target(), u.reached(), PlanText.ENGLISH.write(u.reason()));
            }
        }
    }
}
