package org.pathwise.assistant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rewrites the markers of an answer that arrives piece by piece exactly as {@link Assistant#grounded} rewrites a whole
 * answer: a marker {@code [n]} that points at no given passage is dropped, the others are renumbered 1, 2, ... in
 * order of first use. A piece that ends inside what may be a marker ({@code "[1"}) is held back until the marker is
 * complete or turns out not to be one; {@link #finish()} hands on what is still held back.
 */
final class StreamedMarkers implements Consumer<String> {

    private final int passages;
    private final Consumer<String> downstream;
    private final Map<Integer, Integer> renumbered = new LinkedHashMap<>();
    private final StringBuilder held = new StringBuilder();

    StreamedMarkers(int passages, Consumer<String> downstream) {
        this.passages = passages;
        this.downstream = downstream;
    }

    @Override
    public void accept(String piece) {
        var out = new StringBuilder();
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            if (held.isEmpty()) {
                if (c == '[') {
                    held.append(c);
                } else {
                    out.append(c);
                }
            } else if (c >= '0' && c <= '9') {
                held.append(c);
            } else if (c == ']' && held.length() > 1) {
                int given = Assistant.passageNumber(held.substring(1));
                if (given >= 1 && given <= passages) {
                    int marker = renumbered.computeIfAbsent(given, g -> renumbered.size() + 1);
                    out.append('[').append(marker).append(']');
                }
                held.setLength(0);
            } else {
                out.append(held);
                held.setLength(0);
                if (c == '[') {
                    held.append(c);
                } else {
                    out.append(c);
                }
            }
        }
        if (!out.isEmpty()) {
            downstream.accept(out.toString());
        }
    }

    /** Hands on what is held back at the end of the answer. */
    void finish() {
        if (!held.isEmpty()) {
            downstream.accept(held.toString());
            held.setLength(0);
        }
    }
}
