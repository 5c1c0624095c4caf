package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ReEmbedCommandTest {

    @Test
    void outsideATerminalTheProgressIsALineAtEachFurtherTenth() {
        var text = new StringWriter();
        var line = new ReEmbedCommand.ProgressLine(new PrintWriter(text), false);

        for (long done = 0; done <= 1000; done += 64) {
            line.passages(done, 1000);
        }
        line.passages(1000, 1000);
        line.finish();

        assertThat(text.toString().lines())
                .hasSize(11)
                .startsWith("re-embedded 0 of 1,000 passages (0%)")
                .endsWith("re-embedded 1,000 of 1,000 passages (100%)");
    }

    @Test
    void onATerminalTheProgressIsOneBarRewrittenInPlace() {
        var text = new StringWriter();
        var line = new ReEmbedCommand.ProgressLine(new PrintWriter(text), true);

        line.passages(0, 200);
        line.passages(100, 200);
        line.passages(200, 200);
        line.finish();

        assertThat(text.toString())
                .contains("\r[" + "#".repeat(15) + " ".repeat(15) + "] 100 of 200 passages (50%)")
                .endsWith("\r[" + "#".repeat(30) + "] 200 of 200 passages (100%)" + System.lineSeparator());
        assertThat(text.toString().chars().filter(c -> c == '\n')).hasSize(1);
    }
}
