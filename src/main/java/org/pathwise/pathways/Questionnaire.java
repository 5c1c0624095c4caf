package org.pathwise.pathways;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pathwise.Located;
import tools.jackson.core.type.TypeReference;

/**
 * The self-assessment questionnaire ({@code pathways/questionnaire.yaml}): a few statements per DigCompEdu area, each
 * answered on a scale of 0 to 5, scored to a level per competence. A competence's score is the mean of its
 * statements' answers, or its area's mean when no statement names it; the level is that score rounded down (0 A1 …
 * 5 C2). Unanswered statements don't count.
 */
final class Questionnaire {

    /**
     * The languages a statement or an answer can be written in, as the file's keys: English is required, the others
     * fall back to it.
     */
    static final List<String> LANGUAGES = List.of("en", "fr", "es", "ar");

    /**
     * One statement, by language, and the competences it speaks for.
     *
     * @param texts language code to the statement in that language; holds at least {@code en}
     */
    record Item(String id, String area, List<String> competences, Map<String, String> texts) {
        Item {
            competences = List.copyOf(competences);
            texts = english(texts, id);
        }

        /** The statement in {@code language}, or in English when it has none in that language. */
        String text(String language) {
            return texts.getOrDefault(language, texts.get("en"));
        }
    }

    /**
     * One point of the answer scale.
     *
     * @param texts language code to the answer in that language; holds at least {@code en}
     */
    record Option(int score, Map<String, String> texts) {
        Option {
            texts = english(texts, "option " + score);
        }

        /** The answer in {@code language}, or in English when it has none in that language. */
        String text(String language) {
            return texts.getOrDefault(language, texts.get("en"));
        }
    }

    private static Map<String, String> english(Map<String, String> texts, String what) {
        if (!texts.containsKey("en")) {
            throw new IllegalArgumentException(what + " has no English text");
        }
        return Map.copyOf(texts);
    }

    static final int MAX_SCORE = 5;

    private final List<Item> items;
    private final List<Option> options;
    private final Framework framework;

    Questionnaire(List<Item> items, List<Option> options, Framework framework) {
        this.items = List.copyOf(items);
        this.options = List.copyOf(options);
        this.framework = framework;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionnaireFile(Located<List<Located<OptionEntry>>> options, Located<List<Located<ItemEntry>>> items) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionEntry(
            Located<Integer> score, Located<String> en, Located<String> fr, Located<String> es, Located<String> ar) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ItemEntry(
            Located<String> id,
            Located<String> area,
            Located<List<String>> competences,
            Located<String> en,
            Located<String> fr,
            Located<String> es,
            Located<String> ar) {}

    static Questionnaire bundled(Framework framework) {
        return parse(Frameworks.resource("pathways/questionnaire.yaml"), "questionnaire.yaml", framework);
    }

    /**
     * Reads a questionnaire file: {@code options} (each a {@code score} and its texts) and {@code items} (each an
     * {@code id}, an {@code area}, its {@code competences} and its texts), a text per language under the language's
     * key ({@code en}, required; {@code fr}, {@code es}, {@code ar}, optional).
     *
     * @param where names the file in messages
     * @throws InvalidInputException naming the line at fault: a missing key or English text, an empty text, an
     *     unknown competence
     */
    static Questionnaire parse(String text, String where, Framework framework) {
        var yaml = YamlInput.of(where);
        var root = yaml.read(text, new TypeReference<Located<QuestionnaireFile>>() {});
        var options = new ArrayList<Option>();
        for (var node :
                yaml.items(yaml.required(root.value().options(), root, "options", "the questionnaire"), "options")) {
            var option = node.value();
            int score =
                    yaml.required(option.score(), node, "score", "an option").value();
            var what = "the option " + score;
            options.add(new Option(score, texts(yaml, node, what, option.en(), option.fr(), option.es(), option.ar())));
        }
        var items = new ArrayList<Item>();
        for (var node : yaml.items(yaml.required(root.value().items(), root, "items", "the questionnaire"), "items")) {
            var item = node.value();
            var id = yaml.requiredText(item.id(), node, "id", "an item");
            yaml.required(item.competences(), node, "competences", id);
            var competences = YamlInput.texts(item.competences());
            for (var competence : competences) {
                if (framework.competence(competence).isEmpty()) {
                    throw yaml.error(node, id + " names the unknown competence " + competence);
                }
            }
            items.add(new Item(
                    id,
                    yaml.requiredText(item.area(), node, "area", id),
                    competences,
                    texts(yaml, node, id, item.en(), item.fr(), item.es(), item.ar())));
        }
        return new Questionnaire(items, options, framework);
    }

    /**
     * The texts by language: English required, the others when given.
     *
     * @param byLanguage the values of the keys of {@link #LANGUAGES}, in that order
     */
    @SafeVarargs
    private static Map<String, String> texts(
            YamlInput yaml, Located<?> owner, String what, Located<String>... byLanguage) {
        var texts = new LinkedHashMap<String, String>();
        texts.put("en", yaml.requiredText(byLanguage[0], owner, "en", what));
        for (int i = 1; i < LANGUAGES.size(); i++) {
            var language = LANGUAGES.get(i);
            var value = byLanguage[i];
            if (value != null && value.value() != null) {
                texts.put(language, yaml.requiredText(value, owner, language, what));
            }
        }
        return texts;
    }

    List<Item> items() {
        return items;
    }

    List<Option> options() {
        return options;
    }

    /**
     * The level per competence the answers give.
     *
     * @param answers item id to score, 0 to {@value #MAX_SCORE}
     * @throws IllegalArgumentException for an unknown item or a score out of range
     */
    Map<String, Level> score(Map<String, Integer> answers) {
        var byId = new HashMap<String, Item>();
        items.forEach(item -> byId.put(item.id(), item));
        var sums = new HashMap<String, double[]>();
        var areaSums = new HashMap<String, double[]>();
        for (var answer : answers.entrySet()) {
            var item = byId.get(answer.getKey());
            if (item == null) {
                throw new IllegalArgumentException("unknown questionnaire item '" + answer.getKey() + "'");
            }
            int score = answer.getValue();
            if (score < 0 || score > MAX_SCORE) {
                throw new IllegalArgumentException(
                        "the answer to " + item.id() + " must be 0 to " + MAX_SCORE + ", got " + score);
            }
            for (var competence : item.competences()) {
                add(sums, competence, score);
            }
            add(areaSums, item.area(), score);
        }
        var levels = new TreeMap<String, Level>();
        for (var area : framework.areas()) {
            for (var competence : area.competences()) {
                var sum = sums.get(competence.id());
                if (sum == null) {
                    sum = areaSums.get(area.id());
                }
                if (sum != null) {
                    int level = (int) Math.floor(sum[0] / sum[1] + 1e-9);
                    levels.put(competence.id(), Level.values()[Math.min(MAX_SCORE, level)]);
                }
            }
        }
        return levels;
    }

    private static void add(Map<String, double[]> sums, String key, int score) {
        var sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += score;
        sum[1] += 1;
    }

    /** The framework whose competences the items assess. */
    Framework framework() {
        return framework;
    }

    /** Items grouped by area, in framework order, for the page. */
    Map<Framework.Area, List<Item>> byArea() {
        var grouped = new LinkedHashMap<Framework.Area, List<Item>>();
        for (var area : framework.areas()) {
            grouped.put(
                    area,
                    items.stream().filter(item -> item.area().equals(area.id())).toList());
        }
        return grouped;
    }
}
