package org.pathwise.assistant;

import org.pathwise.retrieval.BlockKind;

/**
 * The offline composer: quotes the answer unit the {@link AnswerSelector} chose, word for word, every sentence followed
 * by the marker of its passage. It never writes a word that is not in a source: prose is quoted as one run of
 * sentences; a list, a table or steps keep one item a line ({@code - item}, {@code 1. step}) after the sentence that
 * introduces them; code keeps its lines. With no unit to quote it writes nothing, and the assistant abstains.
 */
final class ExtractiveComposer implements Composer {

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public String model() {
        return "";
    }

    @Override
    public String prompt() {
        return "";
    }

    @Override
    public Composition compose(Request request) {
        var unit = request.selection().best();
        if (unit == null) {
            return new Composition("", "", name(), "", "");
        }
        var passage = request.passages().get(unit.passage()).passage();
        var marker = " [" + (unit.passage() + 1) + "]";
        var answer = new StringBuilder();
        int item = -1;
        int block = -1;
        int step = 0;
        for (int index : unit.sentences()) {
            var sentence = passage.sentences().get(index);
            var content = sentence.in(passage.text());
            boolean newItem = sentence.block() != block || sentence.item() != item;
            if (sentence.kind().itemised() && newItem) {
                if (sentence.block() != block) {
                    step = 0;
                }
                step++;
                answer.append(answer.isEmpty() ? "" : "\n")
                        .append(sentence.kind() == BlockKind.STEPS ? step + ". " : "- ");
            } else if (sentence.kind() == BlockKind.CODE) {
                answer.append(answer.isEmpty() ? "" : "\n");
            } else if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(content).append(marker);
            block = sentence.block();
            item = sentence.item();
        }
        return new Composition(answer.toString(), "", name(), "", "");
    }
}
