package org.pathwise.pathways;

import java.util.List;

/**
 * What a catalogue import kept and what it refused.
 *
 * @param imported the good rows, as courses, in file order
 * @param rejected the rows refused, each with its row number and the reason
 */
record ImportReport(List<Course> imported, List<RowError> rejected) {

    ImportReport {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
    }

    /**
     * One refused row.
     *
     * @param row the row number: for CSV the record's number counting the header as row 1 (as a spreadsheet shows
     *     it); for JSON and YAML the course's position in the list, from 1
     * @param line the line in the file where the row starts, or 0 when unknown (JSON)
     * @param id the course id when the row has one, else empty
     */
    record RowError(int row, int line, String id, String reason) {}
}
