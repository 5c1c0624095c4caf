package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.Passage;

/**
 * A passage as the document page shows it: its blocks as ingestion segmented them (headings, paragraphs, lists,
 * steps, tables, code, quotations), each sentence with an anchor of its own ({@code p3-s2}: passage 3, sentence 2), so
 * that a citation can point at the sentence it quotes, and with the document's links and inline formatting.
 *
 * @param passage the passage
 * @param blocks its blocks in order
 */
record PassageView(Passage passage, List<Block> blocks) {

    /** One block: its kind, in lower case for the page's markup, and its items (one for prose), each of sentences. */
    record Block(String kind, List<List<SentenceView>> items) {}

    /** One sentence, its anchor, and its text in runs as the document formats them. */
    record SentenceView(String anchor, String text, List<InlineMarks.Part> parts) {}

    /**
     * @param marks the document's formatting, placed passage after passage: call this for the document's passages in
     *     order
     */
    static PassageView of(Passage passage, InlineMarks marks) {
        var parts = marks.place(passage);
        var blocks = new ArrayList<Block>();
        List<List<SentenceView>> items = null;
        List<SentenceView> item = null;
        int block = -1;
        int itemNumber = -1;
        for (int i = 0; i < passage.sentences().size(); i++) {
            var sentence = passage.sentences().get(i);
            if (sentence.block() != block) {
                items = new ArrayList<>();
                blocks.add(new Block(kind(sentence.kind()), items));
                block = sentence.block();
                itemNumber = -1;
            }
            if (sentence.item() != itemNumber) {
                item = new ArrayList<>();
                items.add(item);
                itemNumber = sentence.item();
            }
            item.add(new SentenceView("p" + passage.ordinal() + "-s" + i, passage.sentence(i), parts.get(i)));
        }
        return new PassageView(passage, blocks);
    }

    private static String kind(BlockKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
