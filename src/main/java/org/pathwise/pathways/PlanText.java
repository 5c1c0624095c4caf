package org.pathwise.pathways;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Writes a plan's {@link Explanation}s in one language with the interface's messages ({@code path.explain.*}).
 *
 * <p>The API and the command line use {@link #ENGLISH}: the English messages, read like the application reads them
 * (every message through {@link java.text.MessageFormat}, never the server's locale), with courses named by id. That
 * is the wording the plan's JSON has always had, and clients may read it. The pages use the reader's language and
 * name courses by their titles.
 */
final class PlanText {

    /** English, courses by id: the plan's JSON and the command line. */
    static final PlanText ENGLISH = new PlanText(englishMessages(), Locale.ENGLISH, false);

    private final MessageSource messages;
    private final Locale locale;
    private final boolean titles;

    /**
     * @param messages the interface's messages
     * @param locale the language to write in
     * @param titles name courses by title (the pages) rather than by id
     */
    PlanText(MessageSource messages, Locale locale, boolean titles) {
        this.messages = messages;
        this.locale = locale;
        this.titles = titles;
    }

    /** The sentence; empty for {@link Explanation#NONE}. */
    String write(Explanation explanation) {
        if (explanation.key().isEmpty()) {
            return "";
        }
        var arguments = explanation.arguments().stream().map(this::argument).toArray();
        return messages.getMessage(explanation.key(), arguments, locale);
    }

    private Object argument(Object argument) {
        return switch (argument) {
            case Explanation nested -> write(nested);
            case Explanation.CourseRef course -> titles ? course.title() : course.id();
            case Explanation.CompetenceRef competence ->
                competence(competence.framework(), competence.id(), competence.title());
            case Delivery delivery -> messages.getMessage("path.explain.delivery." + delivery.label(), null, locale);
            case ModePreference mode -> messages.getMessage("path.explain.mode." + mode.label(), null, locale);
            case Level level -> level.name();
            default -> argument.toString();
        };
    }

    /**
     * A competence's title in this language: the interface's translation ({@code competence.<framework>.<id>}), or
     * the framework's own title when the language has none (English, and frameworks without translations).
     */
    public String competence(String framework, String id, String title) {
        return messages.getMessage("competence." + framework + "." + id, null, title, locale);
    }

    /** A framework's competence's title in this language, as {@link #competence(String, String, String)}. */
    public String competence(Framework framework, String id) {
        return competence(framework.id(), id, framework.title(id));
    }

    /**
     * A level's name in this language ("Explorer" for DigCompEdu's A2 in English, "Explorateur" in French): the
     * interface's translation ({@code level.<framework>.<id>}), or the framework's own name.
     */
    public String level(Framework framework, Level level) {
        var id = level.name();
        var own = framework.levels().stream()
                .filter(info -> info.id().equals(id))
                .map(Framework.LevelInfo::name)
                .findFirst()
                .orElse(id);
        return messages.getMessage("level." + framework.id() + "." + id, null, own, locale);
    }

    private static MessageSource englishMessages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setAlwaysUseMessageFormat(true);
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
