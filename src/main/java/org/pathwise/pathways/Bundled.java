package org.pathwise.pathways;

import java.util.Set;
import java.util.stream.Collectors;

/** The data that ships inside the application, read once: frameworks, roles and the sample catalogue. */
final class Bundled {

    static final String SAMPLE_CATALOGUE = "pathways/catalogue/sample-catalogue.yaml";

    private static volatile Bundled instance;

    final Frameworks frameworks;
    final Roles roles;
    final Catalogue sampleCatalogue;

    private Bundled() {
        frameworks = Frameworks.bundled();
        roles = Roles.bundled(competenceIds(frameworks.digCompEdu()));
        var report = new CatalogueImport(competenceIds(frameworks.digCompEdu()))
                .read(
                        Frameworks.resource(SAMPLE_CATALOGUE),
                        CatalogueImport.Format.YAML,
                        "sample-catalogue.yaml",
                        Set.of());
        if (!report.rejected().isEmpty()) {
            throw new IllegalStateException(
                    "the sample catalogue has a bad row: " + report.rejected().getFirst());
        }
        sampleCatalogue = new Catalogue(report.imported());
    }

    static Bundled get() {
        var local = instance;
        if (local == null) {
            synchronized (Bundled.class) {
                local = instance;
                if (local == null) {
                    local = new Bundled();
                    instance = local;
                }
            }
        }
        return local;
    }

    static Set<String> competenceIds(Framework framework) {
        return framework.competences().stream().map(Framework.Competence::id).collect(Collectors.toSet());
    }
}
