package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueImportTest {

    private final CatalogueImport importer =
            new CatalogueImport(Bundled.competenceIds(Frameworks.bundled().digCompEdu()));

    @Test
    void readsTheJsonShapeOfTheCommandLineContract() {
        var json = """
                {"courses":[
                  {"id":"c0","title":"Basics","hours":4,"languages":["en"],"mode":"online","raises":{"2.1":"A2"}},
                  {"id":"c1","title":"Selecting resources","hours":6,"languages":["en","fr"],"mode":"online",
                   "requires":{"2.1":"A2"},"raises":{"2.1":"B1"},"prerequisites":["c0"]}]}
                """;

        var report = importer.read(json, CatalogueImport.Format.JSON, "c.json", Set.of());

        assertThat(report.rejected()).isEmpty();
        var course = report.imported().get(1);
        assertThat(course.id()).isEqualTo("c1");
        assertThat(course.hours()).isEqualTo(6);
        assertThat(course.languages()).containsExactly("en", "fr");
        assertThat(course.delivery()).isEqualTo(Delivery.ONLINE);
        assertThat(course.requires()).containsEntry("2.1", Level.A2);
        assertThat(course.raises()).containsEntry("2.1", Level.B1);
        assertThat(course.prerequisites()).containsExactly("c0");
    }

    @Test
    void reportsBadCsvRowsByNumberWithTheReasonAndKeepsTheGoodOnes() {
        var csv = """
                id,title,hours,languages,mode,requires,raises,prerequisites
                c1,Good one,4,en;fr,online,,2.1:B1,
                c2,No hours,,en,online,,2.1:B1,
                c3,"Bad level, quoted",3,en,online,,2.1:Z9,
                c4,Unknown competence,3,en,online,,9.9:B1,
                c5,Needs a rejected course,3,en,blended,,3.1:B1,c2
                c6,Good two,2.5,fr,in-person,2.1:B1,2.1:B2,c1
                """;

        var report = importer.read(csv, CatalogueImport.Format.CSV, "c.csv", Set.of());

        assertThat(report.imported()).extracting(Course::id).containsExactly("c1", "c6");
        assertThat(report.rejected()).extracting(ImportReport.RowError::row).containsExactly(3, 4, 5, 6);
        assertThat(report.rejected().get(0).reason()).contains("no hours");
        assertThat(report.rejected().get(1).reason()).contains("unknown level 'Z9'");
        assertThat(report.rejected().get(2).reason()).contains("unknown competence '9.9'");
        assertThat(report.rejected().get(3).reason()).contains("prerequisite c2 is not in the catalogue");
        assertThat(report.imported().get(1).hours()).isEqualTo(2.5);
    }

    @Test
    void yamlRowsCarryTheirLinesAndASyntaxErrorRejectsTheFileWithItsLine() {
        var yaml = """
                courses:
                  - id: y1
                    title: Fine
                    hours: 3
                    languages: [en]
                    mode: online
                    raises: {"4.1": B1}
                  - id: y2
                    title: Wrong mode
                    hours: 3
                    languages: [en]
                    mode: by-post
                    raises: {"4.1": B1}
                """;

        var report = importer.read(yaml, CatalogueImport.Format.YAML, "c.yaml", Set.of());

        assertThat(report.imported()).extracting(Course::id).containsExactly("y1");
        var error = report.rejected().getFirst();
        assertThat(error.row()).isEqualTo(2);
        assertThat(error.line()).isEqualTo(8);
        assertThat(error.reason()).contains("unknown delivery mode 'by-post'");
        assertThatThrownBy(
                        () -> importer.read("courses:\n  - id: [x\n", CatalogueImport.Format.YAML, "c.yaml", Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("c.yaml line ");
    }

    @Test
    void aCsvSavedWithAByteOrderMarkReadsItsHeaderAndKeepsItsLines() {
        var csv = "\uFEFFid,title,hours,languages,mode,raises\n"
                + "b1,Fine,3,en,online,2.1:B1\n"
                + "b2,No mode,3,en,,2.1:B1\n";

        var report = importer.read(csv, CatalogueImport.Format.CSV, "bom.csv", Set.of());

        assertThat(report.imported()).extracting(Course::id).containsExactly("b1");
        assertThat(report.rejected()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.line()).isEqualTo(3);
            assertThat(error.id()).isEqualTo("b2");
        });
    }

    @Test
    void aCsvQuoteLeftOpenIsRejectedWithTheLineItOpensOn() {
        var csv =
                "id,title,hours,languages,mode\nq1,Fine,3,en,online\nq2,\"Never closed,3,en,online\nq3,x,1,en,online\n";

        assertThatThrownBy(() -> importer.read(csv, CatalogueImport.Format.CSV, "q.csv", Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("q.csv line 3: a quoted value is never closed: add the closing \"");
    }

    @Test
    void malformedJsonIsRejectedWithItsLine() {
        assertThatThrownBy(() -> importer.read(
                        "{\"courses\": [\n {\"id\": \"c1\",,}\n]}", CatalogueImport.Format.JSON, "c.json", Set.of()))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).line()).isEqualTo(2));
    }

    @Test
    void theSampleCatalogueLoadsWithoutErrorsAndAddressesEveryDigCompEduCompetence() {
        var catalogue = Bundled.get().sampleCatalogue;

        assertThat(catalogue.size()).isBetween(40, 50);
        var addressed = catalogue.courses().stream()
                .flatMap(c -> c.raises().keySet().stream())
                .collect(java.util.stream.Collectors.toSet());
        assertThat(addressed)
                .containsAll(Bundled.competenceIds(Frameworks.bundled().digCompEdu()));
        assertThat(catalogue.courses())
                .anySatisfy(c -> assertThat(c.languages()).contains("fr"));
        assertThat(catalogue.courses()).anySatisfy(c -> assertThat(c.kind()).isEqualTo("micro-credential"));
    }

    @Test
    void detectsTheFormatFromTheNameOrTheContent() {
        assertThat(CatalogueImport.Format.of("x.csv", "{")).isEqualTo(CatalogueImport.Format.CSV);
        assertThat(CatalogueImport.Format.of("x", " {\"courses\":[]}")).isEqualTo(CatalogueImport.Format.JSON);
        assertThat(CatalogueImport.Format.of("x.yml", "")).isEqualTo(CatalogueImport.Format.YAML);
        assertThat(CatalogueImport.Format.of(null, "courses:\n")).isEqualTo(CatalogueImport.Format.YAML);
    }
}
