package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pathwise.TestProviders.none;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.Cli;
import org.pathwise.CliCommand;
import org.pathwise.retrieval.Search;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/** {@code pathwise plan}: its JSON contract, its text plan, and one line on stderr for every bad input. */
class PlanCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    private static final String PROFILE = """
            framework: digcompedu
            current: {"2.1": A2, "3.1": B1}
            target: {"2.1": B2}
            hours_per_week: 4
            weeks: 12
            languages: [en, fr]
            mode: online
            """;

    private static final String CATALOGUE = """
            {"courses":[
              {"id":"c0","title":"Basics","hours":4,"languages":["en"],"mode":"online","raises":{"3.1":"B2"}},
              {"id":"c1","title":"Selecting resources","hours":6,"languages":["en"],"mode":"online",
               "requires":{"2.1":"A2"},"raises":{"2.1":"B1"}},
              {"id":"c2","title":"Judging resources","hours":5,"languages":["fr"],"mode":"online",
               "requires":{"2.1":"B1","3.1":"B2"},"raises":{"2.1":"B2"},"prerequisites":["c0"]},
              {"id":"c3","title":"Resource studio","hours":3,"languages":["en"],"mode":"in-person",
               "requires":{"2.1":"B1"},"raises":{"2.1":"B2"}}]}
            """;

    private int run(Path profile, Path catalogue, boolean asJson) {
        var command = new PlanCommand(none(Search.class), new StandardEnvironment());
        command.profile = profile;
        command.catalogue = catalogue;
        command.json = asJson;
        return command.run(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    @Test
    void printsTheContractsJsonFromTheCommandLine() throws Exception {
        var profile = write("me.yaml", PROFILE);
        var catalogue = write("catalogue.json", CATALOGUE);
        var result = new StringWriter();
        var errors = new StringWriter();

        int code = Cli.run(
                new PrintWriter(result, true),
                new PrintWriter(errors, true),
                "--data-dir",
                folder.resolve("data").toString(),
                "plan",
                "--profile",
                profile.toString(),
                "--catalogue",
                catalogue.toString(),
                "--json");

        assertThat(code).as(errors.toString()).isZero();
        assertThat(result.toString().strip().lines()).hasSize(1);
        var plan = json.readTree(result.toString());
        var steps = plan.get("steps");
        // c3 is in-person and the educator studies online; c2 needs c0 first, which also brings 3.1 to B2
        assertThat(steps.size()).isEqualTo(3);
        assertThat(steps.get(0).get("course").asString()).isEqualTo("c0");
        assertThat(steps.get(1).get("course").asString()).isEqualTo("c1");
        assertThat(steps.get(2).get("course").asString()).isEqualTo("c2");
        var last = steps.get(2);
        assertThat(last.get("title").asString()).isEqualTo("Judging resources");
        assertThat(last.get("week").asInt()).isEqualTo(3);
        assertThat(last.get("hours").asDouble()).isEqualTo(5);
        assertThat(last.get("requires").get("2.1").asString()).isEqualTo("B1");
        assertThat(last.get("raises").get("2.1").asString()).isEqualTo("B2");
        assertThat(plan.get("total_hours").asDouble()).isEqualTo(15);
        assertThat(plan.get("unreachable").isArray()).isTrue();
        assertThat(plan.get("unreachable").size()).isZero();
        assertThat(errors.toString()).isEmpty();
    }

    @Test
    void reportsAnUnreachableTargetWithItsReasonInJson() throws Exception {
        var profile = write("me.yaml", PROFILE.replace("languages: [en, fr]", "languages: [en]"));
        var catalogue = write("catalogue.json", CATALOGUE);

        assertThat(run(profile, catalogue, true)).isZero();

        var plan = json.readTree(out.toString());
        assertThat(plan.get("steps").get(0).get("course").asString()).isEqualTo("c1");
        var unreachable = plan.get("unreachable").get(0);
        assertThat(unreachable.get("competence").asString()).isEqualTo("2.1");
        assertThat(unreachable.get("reason").asString())
                .startsWith("no course in your languages (en) and your delivery mode (online) raises 2.1")
                .contains("c2 is given in fr, c3 is in-person");
    }

    @Test
    void usesTheSampleCatalogueByDefaultAndPrintsAReadablePlan() throws Exception {
        var profile = write("me.yaml", PROFILE);

        assertThat(run(profile, null, false)).isZero();

        assertThat(out.toString())
                .startsWith("Learning path: ")
                .contains("dr-201")
                .contains("closes  2.1 Selecting digital resources: B1 -> B2 (target B2)")
                .contains("why ")
                .contains("order ")
                .contains("choice ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aMissingProfileIsAUsageErrorOnOneLine() {
        var missing = folder.resolve("nope.yaml");

        assertThat(run(missing, null, true)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString().lines()).singleElement().asString().contains(missing + " is not a file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badInputExitsWithOneAndOneLineSayingWhatToFix() throws Exception {
        var cases = new String[][] {
            {"target: {\"2.1\": B2\n", "invalid YAML"},
            {"target: {\"7.1\": B2}\n", "unknown competence '7.1'"},
            {"target: {\"2.1\": Z2}\n", "unknown level 'Z2'"},
        };
        for (var c : cases) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            var profile = write("bad.yaml", c[0]);

            assertThat(run(profile, null, true)).as(c[0]).isEqualTo(CliCommand.FAILED);
            assertThat(err.toString().lines())
                    .as(c[0])
                    .singleElement()
                    .asString()
                    .contains(c[1]);
            assertThat(out.toString()).isEmpty();
        }
        var profile = write("me.yaml", PROFILE);
        var catalogue = write("bad.json", "{\"courses\": [\n{\"id\": \"c1\", }\n]}");
        err.getBuffer().setLength(0);

        assertThat(run(profile, catalogue, true)).isEqualTo(CliCommand.FAILED);
        assertThat(err.toString().lines()).singleElement().asString().contains("bad.json line 2: invalid JSON");

        var badRow = write("rows.json", "{\"courses\": [{\"id\": \"c1\", \"title\": \"x\", \"hours\": 2}]}");
        err.getBuffer().setLength(0);
        assertThat(run(profile, badRow, true)).isEqualTo(CliCommand.FAILED);
        assertThat(err.toString().lines()).singleElement().asString().contains("row 1:");
        assertThat(out.toString()).isEmpty();
    }
}
