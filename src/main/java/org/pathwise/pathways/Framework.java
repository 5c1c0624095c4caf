package org.pathwise.pathways;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A competency framework: its areas, their competences, the ordered proficiency levels and, for each competence, what
 * each level looks like in practice. A framework may carry a crosswalk that maps its competences and levels onto
 * another framework's (the UNESCO frameworks map onto DigCompEdu).
 *
 * @param id short identifier used by profiles and the API, such as {@code digcompedu}
 * @param source the publication the structure follows; descriptors are Pathwise's own wording
 */
record Framework(
        String id,
        String name,
        String version,
        String source,
        List<LevelInfo> levels,
        List<Area> areas,
        Optional<Crosswalk> crosswalk) {

    Framework {
        Objects.requireNonNull(id, "id");
        levels = List.copyOf(levels);
        areas = List.copyOf(areas);
        Objects.requireNonNull(crosswalk, "crosswalk");
    }

    /** One proficiency level, lowest first in {@link #levels}. */
    record LevelInfo(String id, String name) {}

    /** An area (DigCompEdu) or aspect / dimension (UNESCO) grouping competences. */
    record Area(String id, String name, List<Competence> competences) {
        Area {
            competences = List.copyOf(competences);
        }
    }

    /**
     * One competence.
     *
     * @param descriptors level id to what a person at that level does, one entry per framework level in level order
     */
    record Competence(String id, String title, String description, Map<String, String> descriptors) {
        Competence {
            descriptors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptors));
        }
    }

    /**
     * How this framework reads in another one.
     *
     * @param to the other framework's id
     * @param levels this framework's level id to the other's level id
     * @param mappings which of the other's competences each of this framework's competences overlaps
     */
    record Crosswalk(String to, Map<String, String> levels, List<Mapping> mappings) {
        Crosswalk {
            levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
            mappings = List.copyOf(mappings);
        }
    }

    /** One crosswalk entry, with the line it was read from for error messages. */
    record Mapping(String from, List<String> to, String note, int line) {
        Mapping {
            to = List.copyOf(to);
        }
    }

    /** Every competence, area by area. */
    List<Competence> competences() {
        return areas.stream().flatMap(area -> area.competences().stream()).toList();
    }

    Optional<Competence> competence(String competenceId) {
        return competences().stream().filter(c -> c.id().equals(competenceId)).findFirst();
    }

    /** The title of a competence, or its id when the framework has none such. */
    String title(String competenceId) {
        return competence(competenceId).map(Competence::title).orElse(competenceId);
    }
}
