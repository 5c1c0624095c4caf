package org.pathwise.pathways;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known frameworks: the bundled ones (DigCompEdu, the default; UNESCO ICT-CFT v3; UNESCO AI-CFT) and any an
 * administrator imported. DigCompEdu's competences and levels are the ones profiles, the catalogue and the planner use.
 */
final class Frameworks {

    static final String DEFAULT = "digcompedu";

    static final List<String> BUNDLED = List.of("digcompedu", "unesco-ict-cft", "unesco-ai-cft");

    private final Map<String, Framework> byId;

    Frameworks(List<Framework> frameworks) {
        var map = new LinkedHashMap<String, Framework>();
        for (var framework : frameworks) {
            map.put(framework.id(), framework);
        }
        if (!map.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("the frameworks must include " + DEFAULT);
        }
        for (var framework : map.values()) {
            checkCrosswalk(framework, map, framework.id() + ".yaml");
        }
        this.byId = map;
    }

    /** The frameworks that ship inside the application. */
    static Frameworks bundled() {
        return new Frameworks(loadBundled());
    }

    static List<Framework> loadBundled() {
        var frameworks = new ArrayList<Framework>();
        for (var id : BUNDLED) {
            var path = "pathways/frameworks/" + id + ".yaml";
            frameworks.add(FrameworkYaml.parse(resource(path), id + ".yaml"));
        }
        return frameworks;
    }

    /** These frameworks plus (or with a new version of) one more; the bundled DigCompEdu can't be replaced. */
    Frameworks with(Framework framework, String where) {
        if (framework.id().equals(DEFAULT)) {
            throw new InvalidInputException(
                    where, 1, "the framework '" + DEFAULT + "' is bundled and can't be replaced");
        }
        checkCrosswalk(framework, byId, where);
        var all = new ArrayList<>(byId.values());
        all.removeIf(f -> f.id().equals(framework.id()));
        all.add(framework);
        return new Frameworks(all);
    }

    List<Framework> all() {
        return List.copyOf(byId.values());
    }

    Optional<Framework> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Framework digCompEdu() {
        return byId.get(DEFAULT);
    }

    private static void checkCrosswalk(Framework framework, Map<String, Framework> known, String where) {
        if (framework.crosswalk().isEmpty()) {
            return;
        }
        var crosswalk = framework.crosswalk().get();
        var target = known.get(crosswalk.to());
        if (target == null) {
            throw new InvalidInputException(
                    where, 0, "the crosswalk maps onto an unknown framework '" + crosswalk.to() + "'");
        }
        var targetLevels = target.levels().stream().map(Framework.LevelInfo::id).toList();
        for (var level : crosswalk.levels().values()) {
            if (!targetLevels.contains(level)) {
                throw new InvalidInputException(
                        where, 0, "the crosswalk names level '" + level + "', which " + target.id() + " does not have");
            }
        }
        for (var mapping : crosswalk.mappings()) {
            for (var to : mapping.to()) {
                if (target.competence(to).isEmpty()) {
                    throw new InvalidInputException(
                            where,
                            mapping.line(),
                            "the crosswalk maps " + mapping.from() + " onto '" + to + "', which " + target.id()
                                    + " does not have");
                }
            }
        }
    }

    static String resource(String path) {
        try (var in = Frameworks.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the bundled resource " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
