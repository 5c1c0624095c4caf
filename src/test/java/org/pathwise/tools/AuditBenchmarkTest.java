package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.audit.TestAuditLogs;
import org.pathwise.audit.Verification;

class AuditBenchmarkTest {

    @TempDir
    Path dataDir;

    @Test
    void timesTheAppendsFillsTheLogAndExportsEveryRecord() throws Exception {
        var audit = TestAuditLogs.standalone(dataDir);
        var progress = new ArrayList<String>();
        var report = new AuditBenchmark(audit.log(), audit.transactions(), progress::add)
                .run(50, AuditBenchmark.WARM_UP + 1_200);

        assertThat(report.appends()).isEqualTo(50);
        assertThat(report.appendMs().p50())
                .isPositive()
                .isLessThanOrEqualTo(report.appendMs().p95());
        assertThat(report.records()).isEqualTo(AuditBenchmark.WARM_UP + 1_200);
        assertThat(audit.log().records()).isEqualTo(report.records());
        assertThat(report.exportMegabytes()).isPositive();
        assertThat(report.maxHeapMb()).isPositive();
        assertThat(progress).first().asString().contains("50 records");
        assertThat(audit.log().verify()).isInstanceOf(Verification.Intact.class);
    }
}
