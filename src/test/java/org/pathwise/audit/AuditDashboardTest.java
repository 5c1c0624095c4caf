package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditDashboardTest {

    @TempDir
    Path dataDir;

    @Test
    void theAnnotatorsAgreementCountsEachAnnotatorsLatestLabelOverEveryAnnotatedRecord() {
        var audit = TestAuditLogs.create(TestAuditLogs.properties(), dataDir);
        for (var question : new String[] {"first?", "second?", "third?"}) {
            audit.ask("teacher", question, "an answer");
        }
        var ids = audit.jdbc()
                .sql("SELECT id FROM audit_record WHERE kind = 'interaction' ORDER BY seq")
                .query(String.class)
                .list();
        var dashboard = new AuditDashboard(audit.dataSource());
        assertThat(dashboard.agreement()).isEqualTo(AnnotatorAgreement.Kappa.NONE);
        annotate(audit, ids.get(0), "ana", "correct");
        annotate(audit, ids.get(0), "ben", "correct");
        annotate(audit, ids.get(1), "ana", "incorrect");
        annotate(audit, ids.get(1), "ben", "incorrect");
        annotate(audit, ids.get(1), "ana", "correct"); // ana changes her mind: her latest label counts
        annotate(audit, ids.get(2), "ana", "harmful");
        annotate(audit, ids.get(2), "ben", "harmful");

        var figures = dashboard.figures(new AuditDashboard.Period(
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z")));

        // the period holds none of the records; the agreement covers them all
        assertThat(figures.interactions()).isZero();
        var cohen = figures.agreement();
        assertThat(cohen.method()).isEqualTo("cohen");
        assertThat(cohen.records()).isEqualTo(3);
        // po = 2/3; ana: correct 2/3, harmful 1/3; ben: one third each; pe = 1/3
        assertThat(cohen.kappa()).isCloseTo(0.5, within(1e-12));

        annotate(audit, ids.get(0), "cleo", "correct");
        var fleiss = dashboard.agreement();

        // two records have two annotators, one has three: Fleiss' kappa on the two, the third left out
        assertThat(fleiss.method()).isEqualTo("fleiss");
        assertThat(fleiss.records()).isEqualTo(2);
        assertThat(fleiss.ratingsPerRecord()).isEqualTo(2);
        assertThat(fleiss.leftOut()).isEqualTo(1);
        // P = (0 + 1) / 2; labels correct 1, incorrect 1, harmful 2 of 4: Pe = 6/16
        assertThat(fleiss.kappa()).isCloseTo((0.5 - 0.375) / (1 - 0.375), within(1e-12));
    }

    private static void annotate(TestAuditLogs.Fixture audit, String record, String annotator, String label) {
        audit.clock().advance(Duration.ofMinutes(1));
        assertThat(audit.records().annotate(record, annotator, label, null)).isPresent();
    }

    @Test
    void coversAtMostFiveYearsAndADay() {
        var clock = java.time.Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), java.time.ZoneOffset.UTC);

        var byDefault = AuditDashboard.period(null, "", clock);

        assertThat(byDefault.to()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(byDefault.from()).isEqualTo(Instant.parse("2026-11-06T00:00:00Z"));
        assertThat(AuditDashboard.period("2021-12-05", "2026-12-05", clock).from())
                .isEqualTo(Instant.parse("2021-12-05T00:00:00Z"));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AuditDashboard.period("0001-01-01", "9999-12-31", clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the dashboard covers at most 1827");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AuditDashboard.period("2026-02-01", "2026-01-01", clock))
                .hasMessageStartingWith("from must be before to");
    }
}
