package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CohortPlannerTest {

    private final Bundled bundled = Bundled.get();
    private final Framework framework = bundled.frameworks.digCompEdu();

    private static final String CSV = """
            educator,current,target,role,hours_per_week,weeks,languages,mode
            ana,2.1:A2,2.1:B2,,4,,en,online
            ben,,2.1:B1;4.1:B1,,3,10,en;fr,any
            carla,4.1:B1,,assessment-coordinator,5,,en,online
            dan,2.1:A2,9.9:B1,,4,,en,online
            """;

    @Test
    void readsProfilesFromCsvAndReportsBadRowsByNumber() {
        var read = CohortCsv.read(CSV, "cohort.csv", bundled);

        assertThat(read.members()).extracting(CohortPlanner.Member::educator).containsExactly("ana", "ben", "carla");
        assertThat(read.rejected()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(5);
            assertThat(error.id()).isEqualTo("dan");
            assertThat(error.reason()).contains("unknown competence '9.9'");
        });
        assertThat(read.members().get(2).profile().target()).containsEntry("4.1", Level.C1);
    }

    @Test
    void countsGapsPerCompetenceAndLevelAndOrdersTheProgrammeByDependencies() {
        var members = CohortCsv.read(CSV, "cohort.csv", bundled).members();

        var result = new CohortPlanner(new Planner(framework)).plan(members, bundled.sampleCatalogue);

        // 2.1: ana passes B1 and B2, ben passes A2 and B1
        assertThat(result.heatmap().get("2.1"))
                .containsEntry(Level.A2, 1)
                .containsEntry(Level.B1, 2)
                .containsEntry(Level.B2, 1);
        var order = result.programme().stream().map(r -> r.course().id()).toList();
        assertThat(order).contains("dr-101", "dr-201", "as-201", "as-301");
        assertThat(order.indexOf("dr-101")).isLessThan(order.indexOf("dr-201"));
        assertThat(order.indexOf("as-201")).isLessThan(order.indexOf("as-301"));
        var selecting = result.programme().stream()
                .filter(r -> r.course().id().equals("dr-101"))
                .findFirst()
                .orElseThrow();
        assertThat(selecting.participants()).isEqualTo(2);
        assertThat(selecting.attendees())
                .extracting(CohortPlanner.Attendee::educator)
                .containsExactly("ana", "ben");
        assertThat(result.programme())
                .allSatisfy(run -> assertThat(run.attendees()).hasSize(run.participants()));
        assertThat(result.learnerHours())
                .isEqualTo(result.plans().stream().mapToDouble(Plan::totalHours).sum());
        assertThat(CohortPlanner.programmeCsv(result))
                .startsWith("order,course,title,participants,hours,learner_hours,mode,languages,mean_start_week\n")
                .contains(",dr-101,Finding open educational resources,2,4,8,online,en;fr;es,");
        assertThat(CohortPlanner.heatmapCsv(result, framework)).contains("2.1,Selecting digital resources,1,2,1,0,0");
    }

    @Test
    void readsACohortSavedWithAByteOrderMark() {
        var read = CohortCsv.read("\uFEFF" + CSV, "cohort.csv", bundled);

        assertThat(read.members()).extracting(CohortPlanner.Member::educator).containsExactly("ana", "ben", "carla");
        assertThat(read.rejected())
                .singleElement()
                .satisfies(error -> assertThat(error.row()).isEqualTo(5));
    }

    @Test
    void exportsTextThatASpreadsheetWouldRunAsAFormulaAsText() {
        var imported = new CatalogueImport(Bundled.competenceIds(framework))
                .read("""
                        id,title,hours,languages,mode,raises
                        f1,"=HYPERLINK(""https://attacker.example"",""Open"")",4,en,online,2.1:B2
                        """, CatalogueImport.Format.CSV, "c.csv", java.util.Set.of())
                .imported();
        var members = CohortCsv.read("educator,current,target\nana,2.1:A2,2.1:B2\n", "cohort.csv", bundled)
                .members();

        var result = new CohortPlanner(new Planner(framework)).plan(members, new Catalogue(imported));

        assertThat(CohortPlanner.programmeCsv(result))
                .contains("1,f1,\"'=HYPERLINK(\"\"https://attacker.example\"\",\"\"Open\"\")\",1,4,4,online,en,")
                .doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
    }
}
