package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Comparator;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyDepth;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    /**
     * The most public top-level types the modules may have (the root package, the command line and the application, is not a module). A new public type is a new promise to other modules;
     * lower this when types leave the public API, never raise it without a reason.
     */
    static final int MOST_PUBLIC_TYPES = 44;

    private final ApplicationModules modules = ApplicationModules.of(PathwiseApplication.class);

    @Test
    void modulesOnlyUseTheApisTheyAreAllowedTo() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    /**
     * Prints each module's public types and the modules it depends on (run {@code ./mvnw test -Dtest=ModularityTests}
     * to see them), and holds the number of public types at {@link #MOST_PUBLIC_TYPES} at most.
     */
    @Test
    void printsThePublicTypesAndTheDependencyGraphAndKeepsTheApiSmall() {
        var publicTypes = new TreeMap<String, java.util.List<String>>();
        int total = 0;
        for (var module : modules.stream()
                .sorted(Comparator.comparing(ApplicationModule::getIdentifier, Comparator.comparing(Object::toString)))
                .toList()) {
            var names = module.getBasePackage().stream()
                    .filter(type ->
                            !type.isNestedClass() && !type.getSimpleName().equals("package-info"))
                    .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC))
                    .map(type -> type.getSimpleName())
                    .sorted()
                    .toList();
            publicTypes.put(module.getIdentifier().toString(), names);
            total += names.size();
            var uses = module.getDependencies(modules, DependencyDepth.IMMEDIATE)
                    .uniqueModules()
                    .map(m -> m.getIdentifier().toString())
                    .sorted()
                    .toList();
            System.out.printf(
                    Locale.ROOT,
                    "module %-11s %2d public types %s; uses %s%n",
                    module.getIdentifier(),
                    names.size(),
                    names,
                    uses);
        }
        System.out.printf(Locale.ROOT, "public types in modules: %d%n", total);
        assertThat(total).as("public types in modules: %s", publicTypes).isLessThanOrEqualTo(MOST_PUBLIC_TYPES);
    }
}
