package org.pathwise.evaluation;

import java.nio.file.Path;
import java.util.List;

/** The questions of a question set, for the tools that ask them without measuring the answers (benchmarks, load). */
public final class QuestionSets {

    private QuestionSets() {}

    /**
     * The questions of a JSONL question set, in file order.
     *
     * @throws IllegalArgumentException when the file is missing or a line is not a valid question, naming the line
     */
    public static List<String> questions(Path file) {
        return questions(QuestionSet.read(file));
    }

    /**
     * The questions of a question set that comes with Pathwise ({@code sample-library}, ...), in file order.
     *
     * @throws IllegalArgumentException when there is no bundled set of that name
     */
    public static List<String> bundled(String name) {
        return questions(new BundledQuestionSets().load(name));
    }

    private static List<String> questions(QuestionSet set) {
        return set.items().stream().map(AnswerEvaluation.Item::question).toList();
    }
}
