package org.pathwise.guardrails;

/** A policy file that can't be used, with the line at fault (1-based; 0 when the fault has no line). */
final class PolicyException extends RuntimeException {

    private final int line;

    public PolicyException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The line at fault, 1-based, or 0. */
    public int line() {
        return line;
    }
}
