package org.pathwise.pathways;

/**
 * A framework, profile or catalogue file that can't be used, with the place at fault: the file (or "profile",
 * "catalogue"), and the line when known (0 when not).
 */
final class InvalidInputException extends RuntimeException {

    private final String where;
    private final int line;
    private final String reason;

    InvalidInputException(String where, int line, String reason) {
        super(where + (line > 0 ? " line " + line : "") + ": " + reason);
        this.where = where;
        this.line = line;
        this.reason = reason;
    }

    /** The input at fault, as named by the caller. */
    public String where() {
        return where;
    }

    /** The 1-based line at fault, or 0 when the problem has no single line. */
    public int line() {
        return line;
    }

    /** What is wrong, without the place. */
    public String reason() {
        return reason;
    }
}
