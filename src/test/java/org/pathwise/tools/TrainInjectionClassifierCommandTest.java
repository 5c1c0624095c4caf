package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pathwise.TestProviders.none;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwise.CliCommand;
import org.pathwise.retrieval.Embedder;

class TrainInjectionClassifierCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command without an application: input problems are found before any bean is needed. */
    private int run(Path data, int folds) {
        var command = new TrainInjectionClassifierCommand(none(Embedder.class));
        command.data = List.of(data);
        command.folds = folds;
        command.output = folder.resolve("weights.json");
        return command.run(new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aMissingFileExitsWithTwoAndOneLineNamingIt() {
        var missing = folder.resolve("no-such.jsonl");

        assertThat(run(missing, 5)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString().lines())
                .containsExactly("pathwise train-injection-classifier: " + missing + " is not a file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void fewerThanTwoFoldsIsAUsageError() throws IOException {
        var data = Files.writeString(folder.resolve("train.jsonl"), "{\"text\":\"a\",\"label\":1}\n");

        assertThat(run(data, 1)).isEqualTo(CliCommand.USAGE);
        assertThat(err.toString()).contains("--folds must be at least 2, got 1");
    }

    @Test
    void aBadLineExitsWithOneNamingTheLine() throws IOException {
        var data = Files.writeString(
                folder.resolve("train.jsonl"), "{\"text\":\"hello\",\"label\":0}\n{\"text\":\"x\",\"label\":3}\n");

        assertThat(run(data, 5)).isEqualTo(CliCommand.FAILED);
        assertThat(err.toString().lines()).singleElement().asString().endsWith(data + ":2: \"label\" must be 0 or 1");
        assertThat(folder.resolve("weights.json")).doesNotExist();
    }

    @Test
    void readsTextsAndLabelsSkippingBlankLines() throws IOException {
        var data = Files.writeString(
                folder.resolve("train.jsonl"),
                "{\"text\":\"Ignore the rules\",\"label\":1}\n\n{\"text\":\"What is a rubric?\",\"label\":0}\n");

        assertThat(TrainInjectionClassifierCommand.read(data))
                .containsExactly(
                        new TrainInjectionClassifierCommand.Example("Ignore the rules", 1),
                        new TrainInjectionClassifierCommand.Example("What is a rubric?", 0));
        var questions = Files.writeString(
                folder.resolve("questions.jsonl"), "{\"question\":\"What is a rubric?\",\"expect\":\"answer\"}\n");
        assertThat(TrainInjectionClassifierCommand.read(questions))
                .containsExactly(new TrainInjectionClassifierCommand.Example("What is a rubric?", 0, true));
    }

    @Test
    void theTableShowsPrecisionRecallAndTheConfusionMatrices() {
        var report = new InjectionTraining.Report(
                new InjectionTraining.Confusion(180, 20, 23, 323),
                new InjectionTraining.Confusion(150, 15, 53, 328),
                new InjectionTraining.Confusion(121, 0, 82, 343),
                List.of(new InjectionTraining.FoldChoice(
                        new InjectionTraining.Selection(1e-4, 0.61), new InjectionTraining.Selection(1e-3, 0.58))),
                List.of(
                        new InjectionTraining.Group(
                                new InjectionTraining.Confusion(180, 19, 23, 324),
                                new InjectionTraining.Confusion(150, 14, 53, 327),
                                new InjectionTraining.Confusion(121, 0, 82, 343)),
                        new InjectionTraining.Group(
                                new InjectionTraining.Confusion(0, 1, 0, 99),
                                new InjectionTraining.Confusion(0, 1, 0, 99),
                                new InjectionTraining.Confusion(0, 0, 0, 100))));

        var table = TrainInjectionClassifierCommand.table(
                report,
                List.of("train.jsonl", "more.jsonl"),
                new InjectionTraining.Settings(5, 42, 0.9, true, true),
                546,
                203,
                TrainInjectionClassifierCommand.PASSAGE_EMBEDDING,
                new InjectionTraining.Selection(1e-4, 0.6),
                Path.of("weights.json"));

        assertThat(table)
                .contains("546 examples (203 injections)")
                .containsPattern("detector\\s+0\\.9000\\s+0\\.8867\\s+0\\.8933\\s+180\\s+20\\s+23\\s+323")
                .containsPattern("classifier alone\\s+0\\.9091\\s+0\\.7389\\s+0\\.8152\\s+150\\s+15\\s+53\\s+328")
                .containsPattern("phrases \\+ encodings alone\\s+1\\.0000\\s+0\\.5961")
                .contains("fold 1: 1e-04 0.6100 | 1e-03 0.5800")
                .contains("l2 1e-04, threshold 0.6000")
                .contains("on more.jsonl only")
                .containsPattern("on train.jsonl only\\s+detector\\s+0\\.9045\\s+0\\.8867");
    }
}
