package org.pathwise.retrieval;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * How both indexes store a passage's sentences and their vectors. Sentences are text, one
 * {@code start:end:block:item:kind} a sentence, separated by {@code ;}. Vectors are quantized to one signed byte a
 * dimension with a scale per vector (the largest magnitude maps to 127), four times smaller than floats; the cosine
 * similarity of a restored vector to the original is above 0.999 for the bundled model's vectors.
 */
final class SentenceCodec {

    private SentenceCodec() {}

    static String encode(List<Sentence> sentences) {
        var text = new StringBuilder(sentences.size() * 16);
        for (var s : sentences) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(s.start())
                    .append(':')
                    .append(s.end())
                    .append(':')
                    .append(s.block())
                    .append(':')
                    .append(s.item())
                    .append(':')
                    .append(s.kind().code());
        }
        return text.toString();
    }

    /** @throws IllegalArgumentException when the text is not what {@link #encode} writes */
    static List<Sentence> decode(String text) {
        var sentences = new ArrayList<Sentence>();
        if (text == null || text.isEmpty()) {
            return sentences;
        }
        for (var part : text.split(";")) {
            var fields = part.split(":");
            if (fields.length != 5 || fields[4].length() != 1) {
                throw new IllegalArgumentException("not a stored sentence: " + part);
            }
            sentences.add(new Sentence(
                    Integer.parseInt(fields[0]),
                    Integer.parseInt(fields[1]),
                    Integer.parseInt(fields[2]),
                    Integer.parseInt(fields[3]),
                    BlockKind.of(fields[4].charAt(0))));
        }
        return sentences;
    }

    /**
     * A passage as an index stored it: with its sentences, or, for one stored before passages kept them ({@code
     * sentences} is {@code null}), with the structure its text shows.
     */
    static Passage passage(
            String id,
            String documentId,
            int ordinal,
            String text,
            List<String> headingPath,
            String position,
            DocumentFacets facets,
            String sentences) {
        return sentences == null
                ? new Passage(id, documentId, ordinal, text, headingPath, position, facets)
                : new Passage(id, documentId, ordinal, text, headingPath, position, facets, decode(sentences));
    }

    static byte[] encodeVectors(List<float[]> vectors) {
        int dimensions = vectors.isEmpty() ? 0 : vectors.getFirst().length;
        var buffer = ByteBuffer.allocate(8 + vectors.size() * (4 + dimensions));
        buffer.putInt(vectors.size()).putInt(dimensions);
        for (var vector : vectors) {
            float max = 0;
            for (float v : vector) {
                max = Math.max(max, Math.abs(v));
            }
            float scale = max == 0 ? 1 : max / 127f;
            buffer.putFloat(scale);
            for (float v : vector) {
                buffer.put((byte) Math.round(v / scale));
            }
        }
        return buffer.array();
    }

    static List<float[]> decodeVectors(byte[] bytes) {
        var vectors = new ArrayList<float[]>();
        if (bytes == null || bytes.length == 0) {
            return vectors;
        }
        var buffer = ByteBuffer.wrap(bytes);
        int count = buffer.getInt();
        int dimensions = buffer.getInt();
        for (int i = 0; i < count; i++) {
            float scale = buffer.getFloat();
            var vector = new float[dimensions];
            double norm = 0;
            for (int d = 0; d < dimensions; d++) {
                vector[d] = buffer.get() * scale;
                norm += vector[d] * vector[d];
            }
            // restored to unit length, as the model gives vectors
            if (norm > 0) {
                float inverse = (float) (1 / Math.sqrt(norm));
                for (int d = 0; d < dimensions; d++) {
                    vector[d] *= inverse;
                }
            }
            vectors.add(vector);
        }
        return vectors;
    }
}
