package org.pathwise.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The question sets that come with Pathwise, on the class path under {@code eval/datasets/} (the build copies them
 * from the repository's {@code eval/datasets/}), by name: {@code sample-library} is
 * {@code eval/datasets/sample-library.jsonl}, the set on the bundled sample library. A run of a bundled set names it by
 * that path, as {@code eval} run from the repository does, so that runs from the command line and the service compare.
 */
@Component
class BundledQuestionSets {

    static final String FOLDER = "eval/datasets/";

    private final Map<String, Resource> sets = new TreeMap<>();

    BundledQuestionSets() {
        try {
            for (var resource :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:" + FOLDER + "*.jsonl")) {
                var file = resource.getFilename();
                if (file != null) {
                    sets.put(file.substring(0, file.length() - ".jsonl".length()), resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("can't list the bundled question sets: " + e.getMessage(), e);
        }
    }

    /** The bundled sets' names, sorted. */
    List<String> names() {
        return List.copyOf(sets.keySet());
    }

    /**
     * A bundled set, read and checked.
     *
     * @throws IllegalArgumentException when there is no bundled set of that name
     */
    QuestionSet load(String name) {
        var resource = name == null ? null : sets.get(name);
        if (resource == null) {
            throw new IllegalArgumentException(
                    "there is no bundled question set '" + name + "'; bundled: " + String.join(", ", sets.keySet()));
        }
        try (var in = resource.getInputStream()) {
            return QuestionSet.parse(FOLDER + resource.getFilename(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("can't read the bundled question set " + name + ": " + e.getMessage(), e);
        }
    }
}
