package org.pathwise.assistant;

import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.Passage;

/** A passage's text written with its structure in plain Markdown, for a language model to read. */
final class Rendering {

    private Rendering() {}

    /**
     * The passage block by block: a heading as {@code ### heading}, a list's items as {@code - item}, steps as
     * {@code 1. step}, a table's rows as {@code | row |}, code between fences, a quotation after {@code >}; blocks
     * separated by a blank line.
     */
    static String structured(Passage passage) {
        var text = new StringBuilder();
        int block = -1;
        int item = -1;
        for (var sentence : passage.sentences()) {
            var content = sentence.in(passage.text());
            boolean newBlock = sentence.block() != block;
            boolean newItem = newBlock || sentence.item() != item;
            if (newBlock && block >= 0) {
                text.append("\n\n");
            } else if (newItem && sentence.kind().itemised()) {
                text.append('\n');
            } else if (!newBlock) {
                text.append(' ');
            }
            if (newItem) {
                text.append(
                        switch (sentence.kind()) {
                            case HEADING -> "### ";
                            case LIST -> "- ";
                            case STEPS -> (sentence.item() + 1) + ". ";
                            case TABLE -> "| ";
                            case QUOTE -> newBlock ? "> " : "";
                            case CODE -> "```\n";
                            case PARAGRAPH -> "";
                        });
            }
            text.append(content);
            if (sentence.kind() == BlockKind.TABLE) {
                text.append(" |");
            } else if (sentence.kind() == BlockKind.CODE) {
                text.append("\n```");
            }
            block = sentence.block();
            item = sentence.item();
        }
        return text.toString();
    }
}
