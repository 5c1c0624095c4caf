package org.pathwise.library;

import java.util.ArrayList;
import java.util.List;

/** Plain text: paragraphs separated by blank lines, each section positioned at the line where it starts. */
final class PlainTextParser implements DocumentParser {

    @Override
    public ParsedDocument parse(String name, byte[] content) {
        var lines = TextDecoding.decode(content, name).split("\r\n|\r|\n", -1);
        var sections = new ArrayList<ParsedDocument.Section>();
        var paragraph = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= lines.length; i++) {
            var line = i < lines.length ? lines[i].strip() : "";
            if (line.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    sections.add(new ParsedDocument.Section(
                            List.of(), "line " + start, List.of(ParsedDocument.Block.paragraph(paragraph.toString()))));
                    paragraph.setLength(0);
                }
            } else {
                if (paragraph.isEmpty()) {
                    start = i + 1;
                } else {
                    paragraph.append(' ');
                }
                paragraph.append(line);
            }
        }
        return new ParsedDocument(DocumentMetadata.EMPTY, sections);
    }
}
