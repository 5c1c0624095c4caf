package org.pathwise.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pathwise.CliCommand;

/**
 * Seeded random catalogues and profiles for the planner's benchmark, written in the formats an administrator imports
 * and an educator gives (the catalogue's JSON rows, the profile's fields): courses spread over the framework's
 * competences, each taking its main competence from an entry level to one or two levels higher (a third also raises a
 * second competence), some with a prerequisite course that leads to their entry level, in one to three of four
 * languages and in the three delivery modes.
 */
final class CatalogueGenerator {

    private static final String[] LANGUAGES = {"en", "fr", "es", "ar"};

    /** The proficiency levels from A1 up, as a catalogue or a profile writes them. */
    static final List<String> LEVELS = List.of("A1", "A2", "B1", "B2", "C1", "C2");

    private final List<String> competences;

    /** @param competences the competence ids that courses and profiles name */
    CatalogueGenerator(List<String> competences) {
        this.competences = List.copyOf(competences);
    }

    /** The rows of a catalogue of {@code size} courses: the fields of the JSON import format, one map per course. */
    List<Map<String, Object>> courses(long seed, int size) {
        var random = new Random(seed);
        var courses = new ArrayList<Map<String, Object>>();
        // per competence and exit level, the courses that reach it, for prerequisites
        var byExit = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < size; i++) {
            var main = competences.get(random.nextInt(competences.size()));
            int entry = random.nextInt(4); // A1 .. B2
            int exit = Math.min(5, entry + 1 + (random.nextInt(3) == 0 ? 1 : 0));
            var raises = new LinkedHashMap<String, String>();
            raises.put(main, LEVELS.get(exit));
            if (random.nextInt(3) == 0) {
                var second = competences.get(random.nextInt(competences.size()));
                raises.putIfAbsent(second, LEVELS.get(1 + random.nextInt(3)));
            }
            var requires = new LinkedHashMap<String, String>();
            if (entry > 0) {
                requires.put(main, LEVELS.get(entry));
            }
            var prerequisites = new ArrayList<String>();
            var leading = byExit.get(main + "/" + entry);
            if (leading != null && random.nextInt(8) == 0) {
                prerequisites.add(leading.get(random.nextInt(leading.size())));
            }
            var languages = new LinkedHashSet<String>();
            languages.add(random.nextInt(4) == 0 ? LANGUAGES[1 + random.nextInt(3)] : "en");
            while (random.nextInt(3) == 0) {
                languages.add(LANGUAGES[random.nextInt(LANGUAGES.length)]);
            }
            var mode = switch (random.nextInt(6)) {
                case 0 -> "in-person";
                case 1, 2 -> "blended";
                default -> "online";
            };
            double hours = 2 + random.nextInt(29);
            var id = "g" + i;
            var course = new LinkedHashMap<String, Object>();
            course.put("id", id);
            course.put("title", "Generated course " + i + " on " + main);
            course.put("hours", hours);
            course.put("languages", List.copyOf(languages));
            course.put("mode", mode);
            course.put("requires", requires);
            course.put("raises", raises);
            course.put("prerequisites", prerequisites);
            course.put("provider", "benchmark");
            course.put("licence", "CC-BY-4.0");
            course.put("kind", "course");
            courses.add(course);
            byExit.computeIfAbsent(main + "/" + exit, k -> new ArrayList<>()).add(id);
        }
        return courses;
    }

    /** The catalogue as the JSON file an administrator imports. */
    static String json(List<Map<String, Object>> courses) {
        return CliCommand.json(Map.of("courses", courses));
    }

    /**
     * A random educator's profile fields: a few current levels, three to eight targets, weekly hours, a deadline or
     * none, one or two languages and a delivery mode.
     */
    Map<String, Object> profile(Random random) {
        var current = new LinkedHashMap<String, String>();
        var levels = new LinkedHashMap<String, Integer>();
        for (var k : competences) {
            if (random.nextInt(3) == 0) {
                int level = random.nextInt(3);
                current.put(k, LEVELS.get(level));
                levels.put(k, level);
            }
        }
        var target = new LinkedHashMap<String, String>();
        int targets = 3 + random.nextInt(6);
        while (target.size() < targets) {
            var k = competences.get(random.nextInt(competences.size()));
            int now = levels.getOrDefault(k, 0);
            target.put(k, LEVELS.get(Math.min(4, now + 1 + random.nextInt(2))));
        }
        var languages = random.nextInt(3) == 0 ? List.of("en", LANGUAGES[1 + random.nextInt(3)]) : List.of("en");
        var mode = List.of("online", "blended", "any").get(random.nextInt(3));
        int weeks = random.nextInt(3) == 0 ? 0 : 12 + random.nextInt(40);
        var fields = new LinkedHashMap<String, Object>();
        fields.put("current", current);
        fields.put("target", target);
        fields.put("hours_per_week", 2 + random.nextInt(5));
        if (weeks > 0) {
            fields.put("weeks", weeks);
        }
        fields.put("languages", languages);
        fields.put("mode", mode);
        return fields;
    }
}
