package org.pathwise.pathways;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Seeded random catalogues and profiles for the planner's benchmark: courses spread over DigCompEdu's 22
 * competences, each taking its main competence from an entry level to one or two levels higher (a third also raises a
 * second competence), some with a prerequisite course that leads to their entry level, in one to three of four
 * languages and in the three delivery modes.
 */
final class CatalogueGenerator {

    private static final String[] LANGUAGES = {"en", "fr", "es", "ar"};

    private final List<String> competences;

    CatalogueGenerator(Framework framework) {
        this.competences =
                framework.competences().stream().map(Framework.Competence::id).toList();
    }

    Catalogue catalogue(long seed, int size) {
        var random = new Random(seed);
        var courses = new ArrayList<Course>();
        // per competence and exit level, the courses that reach it, for prerequisites
        var byExit = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < size; i++) {
            var main = competences.get(random.nextInt(competences.size()));
            int entry = random.nextInt(4); // A1 .. B2
            int exit = Math.min(5, entry + 1 + (random.nextInt(3) == 0 ? 1 : 0));
            var raises = new LinkedHashMap<String, Level>();
            raises.put(main, Level.values()[exit]);
            if (random.nextInt(3) == 0) {
                var second = competences.get(random.nextInt(competences.size()));
                raises.putIfAbsent(second, Level.values()[1 + random.nextInt(3)]);
            }
            var requires = new LinkedHashMap<String, Level>();
            if (entry > 0) {
                requires.put(main, Level.values()[entry]);
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
            var delivery = switch (random.nextInt(6)) {
                case 0 -> Delivery.IN_PERSON;
                case 1, 2 -> Delivery.BLENDED;
                default -> Delivery.ONLINE;
            };
            double hours = 2 + random.nextInt(29);
            var id = "g" + i;
            courses.add(new Course(
                    id,
                    "Generated course " + i + " on " + main,
                    hours,
                    languages,
                    delivery,
                    requires,
                    raises,
                    prerequisites,
                    "benchmark",
                    "CC-BY-4.0",
                    "",
                    "course"));
            byExit.computeIfAbsent(main + "/" + exit, k -> new ArrayList<>()).add(id);
        }
        return new Catalogue(courses);
    }

    /** A random educator: a few current levels, three to eight targets, weekly hours, a deadline or none. */
    Profile profile(Random random) {
        var current = new LinkedHashMap<String, Level>();
        for (var k : competences) {
            if (random.nextInt(3) == 0) {
                current.put(k, Level.values()[random.nextInt(3)]);
            }
        }
        var target = new LinkedHashMap<String, Level>();
        int targets = 3 + random.nextInt(6);
        while (target.size() < targets) {
            var k = competences.get(random.nextInt(competences.size()));
            int now = current.getOrDefault(k, Level.A1).ordinal();
            target.put(k, Level.values()[Math.min(4, now + 1 + random.nextInt(2))]);
        }
        var languages = random.nextInt(3) == 0 ? List.of("en", LANGUAGES[1 + random.nextInt(3)]) : List.of("en");
        var mode = ModePreference.values()[random.nextInt(3)];
        int weeks = random.nextInt(3) == 0 ? 0 : 12 + random.nextInt(40);
        return new Profile(current, target, "", 2 + random.nextInt(5), weeks, languages, mode, List.of());
    }
}
