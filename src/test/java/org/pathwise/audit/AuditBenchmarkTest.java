package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBenchmarkTest {

    @TempDir
    Path dataDir;

    @Test
    void timesTheAppendsFillsTheLogAndExportsEveryRecord() throws Exception {
        var audit = TestAuditLogs.create(TestAuditLogs.properties(), dataDir);
        var progress = new ArrayList<String>();
        var report = new AuditBenchmark(audit.log(), audit.records(), audit.transactions(), progress::add)
                .run(50, AuditBenchmark.WARM_UP + 1_200);

        assertThat(report.appends()).isEqualTo(50);
        assertThat(report.appendMs().p50())
                .isPositive()
                .isLessThanOrEqualTo(report.appendMs().p95());
        assertThat(report.records()).isEqualTo(AuditBenchmark.WARM_UP + 1_200);
        assertThat(audit.count()).isEqualTo(report.records());
        assertThat(report.exportMegabytes()).isPositive();
        assertThat(report.maxHeapMb()).isPositive();
        assertThat(progress).first().asString().contains("50 records");
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
    }
}
