package org.pathwise.pathways;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The courses a planner chooses from, in catalogue order; ids are unique and prerequisites name courses in it. */
record Catalogue(List<Course> courses) {

    Catalogue {
        courses = List.copyOf(courses);
        var ids = new java.util.HashSet<String>();
        for (var course : courses) {
            if (!ids.add(course.id())) {
                throw new IllegalArgumentException("the course id " + course.id() + " is used twice");
            }
        }
        for (var course : courses) {
            for (var prerequisite : course.prerequisites()) {
                if (!ids.contains(prerequisite)) {
                    throw new IllegalArgumentException("course " + course.id() + " needs course " + prerequisite
                            + ", which is not in the catalogue");
                }
            }
        }
    }

    static final Catalogue EMPTY = new Catalogue(List.of());

    Map<String, Course> byId() {
        var map = new LinkedHashMap<String, Course>();
        courses.forEach(course -> map.put(course.id(), course));
        return map;
    }

    Optional<Course> course(String id) {
        return courses.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    int size() {
        return courses.size();
    }
}
