package org.pathwise.library;

/** Reads one file format into sections of text. */
interface DocumentParser {

    /**
     * Parses a file's bytes.
     *
     * @param name the file name, for messages
     * @throws IngestException when the file can't be read, naming why
     */
    ParsedDocument parse(String name, byte[] content);
}
